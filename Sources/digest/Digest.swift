import ArgumentParser
import DigestKit

@main
struct Digest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "Build briefing digests: Markdown articles in, a static site grouped by day, week and section out.",
        discussion: """
            Run it in a site folder (one with Content/ and site.yml, and Templates/ for changes to the built-in theme), or point at one with --site.
            Start with 'digest build', then 'digest serve' to preview while you write; 'digest import' turns raw wire copy into articles.
            """,
        version: "digest \(DigestVersion.description)",
        subcommands: [Build.self, Serve.self, Check.self, New.self, Init.self, Import.self, Newsletter.self, Theme.self],
        defaultSubcommand: nil
    )
}
