import DigestKit
import Foundation
import Logging

/// Builds the site for the preview and publishes the outcome to `PreviewState`.
struct PreviewBuilder: Sendable {
    let configuration: PreviewConfiguration
    let state: PreviewState
    let logger: Logger
    /// Unchanged articles are not parsed again on the next rebuild.
    let parseCache = ParseCache()

    var options: BuildOptions {
        var options = BuildOptions(siteDirectory: configuration.siteDirectory, outputDirectory: configuration.outputDirectory)
        options.includeDrafts = configuration.includeDrafts
        options.includeFuture = configuration.includeFuture
        options.parseCache = parseCache
        return options
    }

    /// One build; a failure keeps the last good site and reports its problems.
    @discardableResult
    func rebuild() async -> Bool {
        do {
            try FileManager.default.createDirectory(
                at: configuration.outputDirectory.deletingLastPathComponent(), withIntermediateDirectories: true)
            let summary = try SiteBuilder(options: options).build()
            for warning in summary.warnings { logger.warning("\(warning)") }
            logger.info("\(summary.line)")
            await state.published(addresses: summary.articleFolders.mapValues { "/" + $0 })
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
