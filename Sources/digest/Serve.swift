import ArgumentParser
import DigestServer
import Foundation

extension Digest {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Preview the site with live reload.",
            discussion: """
                Builds the site into a preview folder outside the work tree (Public/ is left alone), \
                serves it on http://127.0.0.1:8080/, and rebuilds when anything in Content/, \
                Templates/ or site.yml changes; open pages reload themselves. Drafts and future \
                articles are shown, marked as such. If a change breaks the build, the last good \
                version stays up with the errors shown over the page until you fix them.
                """
        )

        @OptionGroup var siteOptions: SiteOptions

        @Option(name: .long, help: "Port to listen on.")
        var port = 8080

        @Option(name: .long, help: ArgumentHelp("Address to listen on. Anything but loopback lets other machines read drafts.", valueName: "address"))
        var host = "127.0.0.1"

        @Flag(name: .customLong("no-drafts"), help: "Leave drafts and future articles out, to see what will publish.")
        var noDrafts = false

        @Flag(help: "Look for changes every 250 ms instead of being told by the system (for network shares).")
        var poll = false

        func run() async throws {
            var configuration = PreviewConfiguration(siteDirectory: siteOptions.siteDirectory)
            configuration.port = port
            configuration.host = host
            configuration.includeDrafts = !noDrafts
            configuration.includeFuture = !noDrafts
            configuration.poll = poll
            let server = PreviewServer(configuration: configuration, logger: siteOptions.makeLogger(label: "digest.serve"))
            do {
                try await server.run()
            } catch let error as PreviewServer.ServeError {
                throw CommandError(error.description)
            }
        }
    }
}
