import ArgumentParser
import DigestKit

extension Digest {
    struct Newsletter: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build the site and print where a week's newsletter files are.",
            discussion: """
                Every ISO week gets weeks/<week>/newsletter.html (inline styles, table layout, no \
                scripts: ready to paste into an email tool) and newsletter.txt (its plain-text \
                version). Links are absolute when base_url (or --base-url) is set; without it they \
                are relative to the week page, which email cannot follow. A site in several \
                languages (languages: in site.yml) has an issue per language: the others are \
                under <language>/weeks/<week>/.
                """
        )

        @Argument(help: ArgumentHelp("The ISO week: 2019-W07 or 2019-w7.", valueName: "week"))
        var week: String

        @OptionGroup var siteOptions: SiteOptions

        @OptionGroup var buildFlags: BuildFlags

        func validate() throws {
            _ = try WeekArgument.parse(week)
        }

        func run() throws {
            let week = try WeekArgument.parse(week)
            let (options, summary) = try buildFlags.build(siteOptions)
            try WeekArgument.printNewsletter(week, options: options, summary: summary)
        }
    }
}
