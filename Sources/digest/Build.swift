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

        @OptionGroup var buildFlags: BuildFlags

        @Option(name: .long, help: ArgumentHelp("After building, print where this ISO week's newsletter files are (2019-W07).", valueName: "week"))
        var week: String?

        func validate() throws {
            if let week { _ = try WeekArgument.parse(week) }
        }

        func run() throws {
            let (options, summary) = try buildFlags.build(siteOptions)
            if let week { try WeekArgument.printNewsletter(try WeekArgument.parse(week), options: options, summary: summary) }
        }
    }
}
