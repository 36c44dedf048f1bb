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
        guard let bytes = try? FileBytes.read(url(in: siteDirectory).path) else { return nil }
        return parse(bytes)
    }

    /// Read as bytes (tab and line break are ASCII): splitting the text into Characters showed
    /// as single-threaded time at the end of a full build.
    static func parse(_ bytes: [UInt8]) -> AddressBook? {
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)[...]
        guard let first = lines.popFirst(), first.elementsEqual(firstLine.utf8) else { return nil }
        var folders: [String: String] = [:]
        folders.reserveCapacity(lines.count)
        for line in lines {
            guard let tab = line.firstIndex(of: UInt8(ascii: "\t")), !line[(tab + 1)...].contains(UInt8(ascii: "\t")) else { return nil }
            folders[String(decoding: line[..<tab], as: UTF8.self)] = String(decoding: line[(tab + 1)...], as: UTF8.self)
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
