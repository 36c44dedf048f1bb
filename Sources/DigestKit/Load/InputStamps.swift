import Foundation

/// How a build's inputs look on disk: every file in `Content/` and `Templates/` (hidden ones
/// skipped, as the build skips them) and `site.yml`, each with its stamp. The preview's watcher
/// reads them when told of a change (`InputNotifications`), or polls them where it is told
/// nothing, and rebuilds when two readings differ. The reading it rebuilds for is handed to
/// the build (`BuildOptions.inputs`), which lists the content from it instead of stamping
/// every file again.
///
/// Read as the build lists its content (`ContentLoader.entries`, then one `fstatat` a file),
/// not with Foundation's enumerator and URLs, which cost far more for a large site.
public struct InputStamps: Equatable, Sendable {
    /// The site folder read, as given.
    let siteDirectory: String
    /// When the reading began, in seconds since 1970: the stamps are no older than that.
    let readAtSeconds = Int(Date().timeIntervalSince1970)
    /// `Content/`'s files as `ContentLoader.entries` lists them, each with its stamp.
    private(set) var content: [ContentLoader.Entry] = []
    private(set) var contentStamps: [FileStamp?] = []
    /// The templates and `site.yml`, by path from the site folder, each with its stamp.
    private var settings: [String] = []
    private var settingsStamps: [FileStamp?] = []

    public static func read(siteDirectory: URL) -> InputStamps {
        var read = InputStamps(siteDirectory: siteDirectory.path)
        let content = siteDirectory.appendingPathComponent("Content")
        if let folder = OpenFolder(content.resolvingSymlinksInPath().path) {
            read.content = ContentLoader.entries(content)
            read.contentStamps = read.content.map { FileStamp($0.path, in: folder) }
        }
        let templates = siteDirectory.appendingPathComponent("Templates")
        if let folder = OpenFolder(templates.resolvingSymlinksInPath().path) {
            for entry in ContentLoader.entries(templates) {
                read.settings.append("Templates/\(entry.path)")
                read.settingsStamps.append(FileStamp(entry.path, in: folder))
            }
        }
        read.settings.append("site.yml")
        read.settingsStamps.append(FileStamp(path: siteDirectory.appendingPathComponent("site.yml").path))
        return read
    }

    /// Two readings are equal when they found the same files with the same stamps, whenever taken.
    public static func == (lhs: InputStamps, rhs: InputStamps) -> Bool {
        lhs.siteDirectory == rhs.siteDirectory && lhs.content == rhs.content && lhs.contentStamps == rhs.contentStamps
            && lhs.settings == rhs.settings && lhs.settingsStamps == rhs.settingsStamps
    }

    /// Whether both readings found the templates and `site.yml` the same, whatever the content.
    func hasSameSettings(as other: InputStamps) -> Bool {
        siteDirectory == other.siteDirectory && settings == other.settings && settingsStamps == other.settingsStamps
    }

    /// How many files were read (`site.yml` always counts, there or not).
    public var count: Int { content.count + settings.count }

    /// The paths that differ between `earlier` and this reading: edited, added or gone.
    public func changes(since earlier: InputStamps) -> [String] {
        let before = earlier.table
        let now = table
        let edited = now.keys.filter { before[$0] == nil || before[$0]! != now[$0]! }
        return (edited + before.keys.filter { now[$0] == nil }).sorted()
    }

    private var table: [String: FileStamp?] {
        var table: [String: FileStamp?] = [:]
        for (entry, stamp) in zip(content, contentStamps) { table["Content/" + entry.path] = stamp }
        for (path, stamp) in zip(settings, settingsStamps) { table[path] = stamp }
        return table
    }
}
