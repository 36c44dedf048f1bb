import ArgumentParser
import DigestKit
import Foundation

extension Digest {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Turn raw wire copy into articles in Content/.",
            discussion: """
                Each input is wire copy as scraped from a news page: the headline, a line like \
                'Source:Xinhua Published: 2019/2/13 9:15:25', the paragraphs, 'Posted in: DIPLOMACY', \
                and page furniture (share buttons, comment widgets, related stories), which is dropped. \
                Each becomes Content/YYYY/MM/YYYY-MM-DD-<slug>.md with title, date, source, section and \
                the speakers found; tags and summary are left for the editor. Existing files are never \
                overwritten. Copy without a headline or date is refused with the reason (a date is never \
                guessed); copy without a section is written as a 'draft: true' with an empty \
                'section: ""', and a warning names the file and line to fill in. Every input is tried, \
                and the command fails if any was refused.
                """
        )

        @Argument(help: ArgumentHelp("Wire copy files, folders (every file in them), or - for standard input.", valueName: "file"))
        var inputs: [String]

        @Option(name: .long, help: ArgumentHelp("Section for every article, used instead of 'Posted in:'.", valueName: "section"))
        var section: String?

        @Option(
            name: .long,
            help: ArgumentHelp(
                "Language of the copy, written as 'language:' in every article (zh, en, zh-Hant); leave it out for copy in the site's language.",
                valueName: "tag"))
        var language: String?

        @Option(name: .long, help: ArgumentHelp("IANA time zone the Published times are in (default: timezone in site.yml).", valueName: "zone"))
        var timezone: String?

        @Flag(name: .customLong("dry-run"), help: "Print each file that would be written, with its path, and write nothing.")
        var dryRun = false

        @OptionGroup var siteOptions: SiteOptions

        func run() throws {
            let (writer, setup) = ArticleFileWriter.forSite(
                siteOptions.siteDirectory, timeZoneName: timezone, section: section,
                language: language)
            DiagnosticPrinter.print(setup, quiet: siteOptions.quiet)
            guard let writer else { throw ExitCode.failure }
            let importer = Importer(siteDirectory: siteOptions.siteDirectory, writer: writer, dryRun: dryRun)
            let report = importer.run(
                inputs.map {
                    $0 == "-" ? .standardInput(FileHandle.standardInput.readDataToEndOfFile()) : .path($0)
                })
            DiagnosticPrinter.print(report.diagnostics, quiet: siteOptions.quiet)
            for item in report.imported {
                if dryRun {
                    print("Would write \(item.file.path) (from \(item.input)):\n\(item.file.text)")
                } else if !siteOptions.quiet {
                    print("\(item.input) → \(item.file.path) (/\(item.file.address.folder))")
                }
            }
            if !siteOptions.quiet || report.failures > 0 { print(summary(report)) }
            if report.failures > 0 { throw ExitCode.failure }
        }

        func summary(_ report: Importer.Report) -> String {
            let made = report.imported.count
            let failed = report.failures == 0 ? "" : "; \(report.failures) failed"
            let noun = made == 1 ? "article" : "articles"
            let drafts = report.draftsWithoutSection
            let unsectioned = drafts == 0 ? "" : "; \(drafts) \(drafts == 1 ? "is a draft" : "are drafts") without a section"
            return dryRun
                ? "Dry run: \(made) \(noun) would be written\(unsectioned)\(failed); nothing was written."
                : "Imported \(made) \(noun)\(unsectioned)\(failed)."
        }
    }
}
