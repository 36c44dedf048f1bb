import ArgumentParser
import DigestKit
import Foundation

extension Digest {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the site without publishing it.",
            discussion: """
                Builds the site in memory (Public/ is not touched) and reports every problem as \
                path:line: message: bad front matter, unknown fields, broken internal links and \
                anchors, the same title twice on one day, articles without tags, sections missing \
                from site.yml. Exits non-zero when there are errors; warnings alone pass.
                """
        )

        @OptionGroup var siteOptions: SiteOptions

        @Flag(name: .long, help: "Check drafts and future articles too.")
        var drafts = false

        func run() throws {
            var options = BuildOptions(siteDirectory: siteOptions.siteDirectory)
            options.includeDrafts = drafts
            options.includeFuture = drafts
            let problems = SiteChecker(options: options).check()
            DiagnosticPrinter.print(problems, quiet: siteOptions.quiet)
            let errors = problems.filter { $0.severity == .error }.count
            let warnings = problems.count - errors
            if !siteOptions.quiet || errors > 0 {
                print("Checked: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
            }
            if errors > 0 { throw ExitCode.failure }
        }
    }
}
