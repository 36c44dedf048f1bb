import Foundation
import PackagePlugin

/// Compiles what a `digest` copied alone needs into DigestKit: the default theme's files (so a
/// site without `Templates/` builds, and `digest init` and `digest theme eject` work anywhere)
/// and the commit it was built from (for `digest --version`).
@main
struct EmbedBuiltIns: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let tool = try context.tool(named: "digest-embed")
        let theme = target.directoryURL.appending(path: "Resources/DefaultTheme")
        let themeSwift = context.pluginWorkDirectoryURL.appending(path: "BuiltInTheme+Files.swift")
        let commitSwift = context.pluginWorkDirectoryURL.appending(path: "DigestVersion+Commit.swift")
        return [
            .buildCommand(
                displayName: "Embedding the default theme",
                executable: tool.url,
                arguments: ["theme", theme.path, themeSwift.path],
                // The folders too: a file added to one changes the folder, not any listed file.
                inputFiles: Self.everything(under: theme),
                outputFiles: [themeSwift]),
            .buildCommand(
                displayName: "Recording the commit",
                executable: tool.url,
                arguments: ["commit", context.package.directoryURL.path, commitSwift.path],
                inputFiles: Self.gitFiles(of: context.package.directoryURL),
                outputFiles: [commitSwift]),
        ]
    }

    /// Every file and folder below `folder`, and `folder` itself.
    static func everything(under folder: URL) -> [URL] {
        let found =
            FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL } ?? []
        return [folder] + found
    }

    /// The files that change when the checkout moves to another commit: HEAD, the branch it
    /// names, and the packed refs. A worktree's `.git` is a file naming its own folder, whose
    /// `commondir` holds the branches.
    static func gitFiles(of package: URL) -> [URL] {
        var gitFolder = package.appending(path: ".git")
        if let pointer = try? String(contentsOf: gitFolder, encoding: .utf8), pointer.hasPrefix("gitdir:") {
            let path = pointer.dropFirst("gitdir:".count).trimmingCharacters(in: .whitespacesAndNewlines)
            gitFolder = URL(fileURLWithPath: path, relativeTo: package).standardizedFileURL
        }
        var common = gitFolder
        if let relative = try? String(contentsOf: gitFolder.appending(path: "commondir"), encoding: .utf8) {
            common =
                URL(fileURLWithPath: relative.trimmingCharacters(in: .whitespacesAndNewlines), relativeTo: gitFolder)
                .standardizedFileURL
        }
        let head = gitFolder.appending(path: "HEAD")
        var files = [head, common.appending(path: "packed-refs")]
        if let text = try? String(contentsOf: head, encoding: .utf8), text.hasPrefix("ref:") {
            files.append(common.appending(path: text.dropFirst("ref:".count).trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        return files.filter { FileManager.default.fileExists(atPath: $0.path) }
    }
}
