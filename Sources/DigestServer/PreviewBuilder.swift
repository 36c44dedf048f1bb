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
    /// build left it. The records are saved beside it when the server stops, so the next
    /// `digest serve` starts with a rebuild rather than a full build.
    let session: BuildSession

    init(configuration: PreviewConfiguration, state: PreviewState, logger: Logger) {
        self.configuration = configuration
        self.state = state
        self.logger = logger
        session = BuildSession(ownsItsOutput: true, savedIn: configuration.outputDirectory.deletingLastPathComponent())
    }

    /// Keeps the last build's records for the next run; only that run's speed is at stake.
    func saveSession() {
        do {
            try session.save()
        } catch {
            logger.warning("cannot keep the preview's build records for its next run: \(error)")
        }
    }

    func options(inputs: InputStamps) -> BuildOptions {
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
    func rebuild(_ inputs: InputStamps) async -> Bool {
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
