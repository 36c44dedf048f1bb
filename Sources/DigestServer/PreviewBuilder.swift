import DigestKit
import Foundation
import Logging

/// Builds the site for the preview and publishes the outcome to `PreviewState`.
struct PreviewBuilder: Sendable {
    let configuration: PreviewConfiguration
    let state: PreviewState
    let logger: Logger
    /// The last build's records, so a rebuild parses and renders only what an edit changed.
    /// The preview's folder is its own, outside the work tree: a rebuild takes it as the last
    /// build left it.
    let session = BuildSession(ownsItsOutput: true)

    func options(inputs: InputStamps?) -> BuildOptions {
        var options = BuildOptions(siteDirectory: configuration.siteDirectory, outputDirectory: configuration.outputDirectory)
        options.includeDrafts = configuration.includeDrafts
        options.includeFuture = configuration.includeFuture
        options.session = session
        options.inputs = inputs
        return options
    }

    /// One build of the site as `inputs` found it; a failure keeps the last good site and
    /// reports its problems.
    @discardableResult
    func rebuild(_ inputs: InputStamps? = nil) async -> Bool {
        do {
            try FileManager.default.createDirectory(
                at: configuration.outputDirectory.deletingLastPathComponent(), withIntermediateDirectories: true)
            let summary = try SiteBuilder(options: options(inputs: inputs)).build()
            for warning in summary.warnings { logger.warning("\(warning)") }
            logger.info("\(summary.line)")
            // `digest serve --verbose`: where each rebuild's time went, as `digest build --timings`.
            logger.debug("\n\(summary.stageTable)")
            await state.published(addresses: summary.placesKept ? nil : summary.articleFolders.mapValues { "/" + $0 })
            return true
        } catch let failure as BuildFailure {
            for diagnostic in failure.diagnostics { logger.error("\(diagnostic)") }
            logger.error("Build failed; still serving the last good version.")
            await state.failed(failure.diagnostics.filter { $0.severity == .error }.map(\.description))
            return false
        } catch {
            logger.error("Build failed: \(error)")
            await state.failed(["\(error)"])
            return false
        }
    }
}
