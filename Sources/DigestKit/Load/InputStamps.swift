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
    /// When the reading began, in seconds since 1970: the stamps are no older than that. A
    /// reading made from another (`reading(again:)`) keeps the other's time, as it keeps stamps
    /// taken then.
    private(set) var readAtSeconds = Int(Date().timeIntervalSince1970)
    /// `Content/`'s files as `ContentLoader.entries` lists them, each with its stamp.
    private(set) var content: [ContentLoader.Entry] = []
    private(set) var contentStamps: [FileStamp?] = []
    /// The templates and `site.yml`, by path from the site folder, each with its stamp.
    private var settings: [String] = []
    private var settingsStamps: [FileStamp?] = []

    public static func read(siteDirectory: URL) -> InputStamps {
        var read = InputStamps(siteDirectory: siteDirectory.path)
        (read.content, read.contentStamps) = readContent(under: "", of: siteDirectory)
        read.readSettings()
        return read
    }

    /// This reading with what `changes` names read again, and the rest as it was: the kernel
    /// told of changes there only. The same as a whole new reading, unless it missed one.
    public func reading(again changes: InputChanges) -> InputStamps {
        let site = URL(fileURLWithPath: siteDirectory)
        if changes.everything { return Self.read(siteDirectory: site) }
        var read = self
        if changes.settings { read.readSettings() }
        let folders = changes.outermostContentFolders
        guard !folders.isEmpty else { return read }
        if folders == [""] {
            read.readAtSeconds = Int(Date().timeIntervalSince1970)
            (read.content, read.contentStamps) = Self.readContent(under: "", of: site)
            return read
        }
        var fresh: [(ContentLoader.Entry, FileStamp?)] = []
        for folder in folders {
            let (entries, stamps) = Self.readContent(under: folder, of: site)
            fresh += zip(entries, stamps)
        }
        fresh.sort { $0.0.path < $1.0.path }
        let kept = zip(content, contentStamps).filter { entry, _ in !folders.contains { InputChanges.isInside(entry.path, $0) } }
        // Both are in path order, as a whole reading lists them: merged, not sorted again.
        read.content = []
        read.contentStamps = []
        read.content.reserveCapacity(kept.count + fresh.count)
        read.contentStamps.reserveCapacity(kept.count + fresh.count)
        var keptIndex = 0
        var freshIndex = 0
        while keptIndex < kept.count || freshIndex < fresh.count {
            let takeFresh = keptIndex == kept.count || (freshIndex < fresh.count && fresh[freshIndex].0.path < kept[keptIndex].0.path)
            let (entry, stamp) = takeFresh ? fresh[freshIndex] : kept[keptIndex]
            read.content.append(entry)
            read.contentStamps.append(stamp)
            if takeFresh { freshIndex += 1 } else { keptIndex += 1 }
        }
        return read
    }

    /// The files under `folder` of `Content/` ("" for all of it), by path from `Content/`, in
    /// path order, with their stamps.
    private static func readContent(under folder: String, of site: URL) -> ([ContentLoader.Entry], [FileStamp?]) {
        let content = site.appendingPathComponent("Content")
        guard let root = OpenFolder(content.resolvingSymlinksInPath().path) else { return ([], []) }
        var entries = ContentLoader.entries(folder.isEmpty ? content : content.appendingPathComponent(folder))
        if !folder.isEmpty { entries = entries.map { ContentLoader.Entry(path: folder + "/" + $0.path, isLink: $0.isLink) } }
        return (entries, entries.map { FileStamp($0.path, in: root) })
    }

    private mutating func readSettings() {
        (settings, settingsStamps) = ([], [])
        let site = URL(fileURLWithPath: siteDirectory)
        let templates = site.appendingPathComponent("Templates")
        if let folder = OpenFolder(templates.resolvingSymlinksInPath().path) {
            for entry in ContentLoader.entries(templates) {
                settings.append("Templates/\(entry.path)")
                settingsStamps.append(FileStamp(entry.path, in: folder))
            }
        }
        settings.append("site.yml")
        settingsStamps.append(FileStamp(path: site.appendingPathComponent("site.yml").path))
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
        // Both list the content in path order: walked side by side, as hashing every path of
        // a large site took longer than the rebuild it was logged for.
        var changed: [String] = []
        var (old, new) = (0, 0)
        while old < earlier.content.count || new < content.count {
            let oldPath = old < earlier.content.count ? earlier.content[old].path : nil
            let newPath = new < content.count ? content[new].path : nil
            if let oldPath, let newPath, oldPath == newPath {
                if earlier.contentStamps[old] != contentStamps[new] || earlier.content[old] != content[new] { changed.append("Content/" + newPath) }
                (old, new) = (old + 1, new + 1)
            } else if let oldPath, newPath.map({ oldPath < $0 }) ?? true {
                changed.append("Content/" + oldPath)
                old += 1
            } else if let newPath {
                changed.append("Content/" + newPath)
                new += 1
            }
        }
        let before = Dictionary(zip(earlier.settings, earlier.settingsStamps), uniquingKeysWith: { first, _ in first })
        let now = Dictionary(zip(settings, settingsStamps), uniquingKeysWith: { first, _ in first })
        changed += now.keys.filter { before[$0] == nil || before[$0]! != now[$0]! } + before.keys.filter { now[$0] == nil }
        return changed.sorted()
    }
}
