import ArgumentParser
import DigestKit
import Foundation

extension Digest {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a new, empty site that builds.",
            discussion:
                "Writes site.yml, an example article in Content/ and an empty Public/. The theme is built in; digest theme eject copies it into Templates/ to change it."
        )

        @Argument(help: "Folder for the new site; must not exist or be empty.")
        var directory: String

        @Option(name: .long, help: "The site's title.")
        var title = "Briefing Digest"

        @Option(name: .long, help: ArgumentHelp("IANA time zone the desk works in, e.g. Asia/Shanghai (default: this machine's).", valueName: "zone"))
        var timezone: String?

        func run() throws {
            var zone = TimeZone.current
            if let timezone {
                guard let named = TimeZone(identifier: timezone) else {
                    throw ValidationError("unknown time zone '\(timezone)'; use an IANA name such as Asia/Shanghai or UTC")
                }
                zone = named
            }
            let url = URL(fileURLWithPath: directory, isDirectory: true)
            do {
                try SiteScaffold(directory: url, title: title, timeZone: zone).create()
            } catch let error as SiteScaffold.ScaffoldError {
                throw CommandError(error.description)
            }
            print("Created a site in \(url.standardizedFileURL.path). Next: cd \(directory) && digest serve")
        }
    }
}
