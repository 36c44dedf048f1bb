import Foundation

/// Reads `Content/` from disk: every Markdown file's bytes, and the paths of everything else.
public struct ContentLoader: Sendable {
    public static let markdownExtensions: Set<String> = ["md", "markdown"]

    public var siteDirectory: URL
    public var contentFolder: String

    public init(siteDirectory: URL, contentFolder: String = "Content") {
        self.siteDirectory = siteDirectory
        self.contentFolder = contentFolder
    }

    public func load() -> ContentSnapshot {
        let root = siteDirectory.appendingPathComponent(contentFolder, isDirectory: true)
        let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
        var snapshot = ContentSnapshot(sources: [])
        guard FileManager.default.fileExists(atPath: root.path) else {
            snapshot.diagnostics.append(Diagnostic(
                file: contentFolder, message: "no \(contentFolder)/ folder in \(siteDirectory.path)",
                hint: "run digest in a site folder, or pass --site DIR"))
            return snapshot
        }
        for relative in Self.walk(root) {
            let path = "\(contentFolder)/\(relative)"
            let url = root.appendingPathComponent(relative)
            let resolved = url.resolvingSymlinksInPath().path
            // A symlink may point anywhere; never read or copy what lies outside Content/.
            guard resolved == rootPath || resolved.hasPrefix(rootPath + "/") else {
                snapshot.diagnostics.append(.warning(
                    file: path, message: "skipped: it is a symbolic link to \(resolved), outside \(contentFolder)/",
                    hint: "copy the file into \(contentFolder)/ instead"))
                continue
            }
            let ext = url.pathExtension.lowercased()
            if Self.markdownExtensions.contains(ext) {
                do {
                    snapshot.sources.append(SourceFile(path: path, bytes: try Data(contentsOf: url)))
                } catch {
                    snapshot.diagnostics.append(Diagnostic(
                        file: path, message: "cannot read the file: \(Self.reason(error))",
                        hint: "check its permissions"))
                }
            } else if !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                snapshot.assets.insert(path)
            }
        }
        snapshot.sources.sort { $0.path < $1.path }
        return snapshot
    }

    /// Regular files below `root`, relative to it, skipping hidden files and folders.
    static func walk(_ root: URL) -> [String] {
        // A folder that is itself a link (the sample site's Templates/) is read where it points.
        let root = root.resolvingSymlinksInPath()
        guard let enumerator = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey, .isDirectoryKey],
            options: [.skipsHiddenFiles]
        ) else { return [] }
        let base = root.standardizedFileURL.path
        var files: [String] = []
        for case let url as URL in enumerator {
            let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isDirectoryKey])
            if values?.isDirectory == true { continue }
            let full = url.standardizedFileURL.path
            guard full.hasPrefix(base + "/") else { continue }
            files.append(String(full.dropFirst(base.count + 1)))
        }
        return files.sorted()
    }

    static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError {
            return underlying.localizedDescription
        }
        return nsError.localizedDescription
    }
}
