import ArgumentParser
import DigestKit
import Foundation

extension Digest {
    struct Theme: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "See and copy the built-in theme.",
            discussion: """
                Digest's default theme is built into digest. A site's Templates/ folder overrides \
                it file by file: a site that holds only Templates/article.mustache gets the \
                built-in rest. 'digest theme eject' copies built-in files there to change them.
                """,
            subcommands: [List.self, Eject.self],
            defaultSubcommand: List.self
        )

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "List the theme's files, marking those the site's Templates/ overrides.")

            @OptionGroup var siteOptions: SiteOptions

            func run() {
                let overridden = Set(DigestKit.Theme.load(overriding: siteOptions.siteDirectory.appendingPathComponent("Templates")).overridden)
                for path in ThemeEject.builtInPaths {
                    print(overridden.contains(path) ? "\(path)  (Templates/\(path))" : path)
                }
                for path in overridden.sorted() where !ThemeEject.builtInPaths.contains(path) {
                    print("\(path)  (Templates/\(path), the site's own)")
                }
            }
        }

        struct Eject: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Copy built-in theme files into Templates/ to change them.",
                discussion: """
                    Names are templates (article, partials/item), files (assets/style.css) or \
                    folders (partials, assets); with none, the whole theme. A file Templates/ \
                    already has is kept as it is, never overwritten.

                    Example: digest theme eject article partials/item assets/style.css
                    """
            )

            @OptionGroup var siteOptions: SiteOptions

            @Argument(help: ArgumentHelp("Templates, files or folders of the built-in theme.", valueName: "name"))
            var names: [String] = []

            func run() throws {
                let paths: [String]
                do {
                    paths = try ThemeEject.paths(for: names)
                } catch {
                    throw CommandError(error.description)
                }
                let report = try ThemeEject(siteDirectory: siteOptions.siteDirectory).eject(paths)
                for path in report.written { print("Templates/\(path)") }
                for path in report.kept {
                    FileHandle.standardError.write(Data("Templates/\(path) already exists; kept as it is\n".utf8))
                }
                if !siteOptions.quiet {
                    FileHandle.standardError.write(
                        Data(
                            "Copied \(report.written.count) file\(report.written.count == 1 ? "" : "s") into Templates/\(report.kept.isEmpty ? "" : "; \(report.kept.count) kept")\n"
                                .utf8))
                }
            }
        }
    }
}
