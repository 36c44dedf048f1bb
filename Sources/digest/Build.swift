import ArgumentParser
import DigestKit
import Foundation

typealias DigestKitDiagnostic = DigestKit.Diagnostic

extension Digest {
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build the site into Public/.",
            discussion: """
                Reads every article in Content/, groups articles by day, ISO week and section in the \
                site's time zone, renders them through Templates/, and replaces the output folder in \
                one step. If any file is bad, every problem is listed and the output is left as it was.
                """
        )

        @OptionGroup var siteOptions: SiteOptions

        @Option(name: .long, help: ArgumentHelp("Where to write the site (default: Public/ in the site folder).", valueName: "dir"))
        var output: String?

        @Flag(name: .long, help: "Include articles marked 'draft: true'.")
        var drafts = false

        @Flag(name: .long, help: "Include articles dated after now.")
        var future = false

        @Option(name: .customLong("base-url"), help: ArgumentHelp("Public address of the site, for absolute URLs (overrides base_url in site.yml).", valueName: "url"))
        var baseURL: String?

        func run() throws {
            var options = BuildOptions(
                siteDirectory: siteOptions.siteDirectory,
                outputDirectory: output.map { URL(fileURLWithPath: $0, isDirectory: true) })
            options.includeDrafts = drafts
            options.includeFuture = future
            options.baseURL = baseURL
            let bar = ProgressBar(verbose: siteOptions.verbose)
            if !siteOptions.quiet { options.progress = { bar.update($0) } }
            do {
                defer { bar.finish() }
                let summary = try SiteBuilder(options: options).build()
                DiagnosticPrinter.print(summary.warnings, quiet: siteOptions.quiet)
                if !siteOptions.quiet { print(summary.line) }
            } catch {
                DiagnosticPrinter.print(error.diagnostics, quiet: false)
                let count = error.errors.count
                FileHandle.standardError.write(Data("Build failed: \(count) error\(count == 1 ? "" : "s"); the output folder was not changed.\n".utf8))
                throw ExitCode.failure
            }
        }
    }
}
