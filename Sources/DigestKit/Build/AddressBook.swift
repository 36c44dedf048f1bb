import Foundation

/// Where each article's page was when the site was last built, kept beside the build cache
/// (`.digest-cache/addresses`), so that the next build and `digest check` can say which pages
/// moved and what to add to keep their old addresses working. Without it (a first build, a
/// deleted cache) nothing is reported: it only ever adds warnings.
public struct AddressBook: Sendable, Equatable {
    static let fileName = "addresses"
    static let firstLine = "digest-addresses 1"

    /// Source path → page folder (`Content/a.md` → `2019/02/13/a/`).
    public var folders: [String: String]

    public init(folders: [String: String]) {
        self.folders = folders
    }

    public init(_ site: Site) {
        folders = Dictionary(site.articles.map { ($0.article.sourcePath, $0.path.folder) }, uniquingKeysWith: { first, _ in first })
    }

    /// A warning for each article of `site` whose page is no longer where this book has it,
    /// unless the article already keeps the old address in `aliases:`.
    public func moves(in site: Site) -> [Diagnostic] {
        site.articles.compactMap { placed in
            let article = placed.article
            guard let old = folders[article.sourcePath], old != placed.path.folder, !article.aliases.contains(old) else { return nil }
            let aliases = (article.aliases + [old]).map { "/" + $0 }.joined(separator: ", ")
            return .warning(
                file: article.sourcePath, message: "moved: /\(old) → /\(placed.path.folder)",
                hint: "to keep the old address working, add to its front matter: aliases: [\(aliases)]")
        }
    }
}

extension AddressBook {
    static func url(in siteDirectory: URL) -> URL {
        siteDirectory.appendingPathComponent(BuildCache.folderName).appendingPathComponent(fileName)
    }

    static func exists(in siteDirectory: URL) -> Bool {
        FileManager.default.fileExists(atPath: url(in: siteDirectory).path)
    }

    /// The book in `siteDirectory`'s cache folder; nil when there is none or it is unreadable.
    public static func load(from siteDirectory: URL) -> AddressBook? {
        let url = url(in: siteDirectory)
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        var lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
        guard lines.first == Substring(firstLine) else { return nil }
        lines.removeFirst()
        var folders: [String: String] = [:]
        for line in lines {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 2 else { return nil }
            folders[String(fields[0])] = String(fields[1])
        }
        return AddressBook(folders: folders)
    }

    /// Writes the book (temporary file, then renamed). Paths holding a tab or a line break
    /// cannot be written in this format and are left out: they are then never reported.
    public func save(in siteDirectory: URL) throws {
        let folder = siteDirectory.appendingPathComponent(BuildCache.folderName)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var text = Self.firstLine + "\n"
        for (source, page) in folders.sorted(by: { $0.key < $1.key })
        where !(source + page).contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" }) {
            text += "\(source)\t\(page)\n"
        }
        try FileBytes.write(Array(text.utf8), atomicallyTo: folder.appendingPathComponent(Self.fileName).path)
    }
}
