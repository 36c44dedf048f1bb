import ArgumentParser

@main
struct Digest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "Build briefing digests: Markdown articles in, a static site grouped by day, week and section out.",
        discussion: """
            Run it in a site folder (one with Content/, Templates/ and site.yml), or point at one with --site.
            Start with 'digest build', then 'digest serve' to preview while you write; 'digest import' turns raw wire copy into articles.
            """,
        subcommands: [Build.self, Serve.self, Check.self, New.self, Init.self, Import.self, Newsletter.self],
        defaultSubcommand: nil
    )
}
