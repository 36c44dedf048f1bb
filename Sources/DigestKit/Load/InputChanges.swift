/// Where the inputs may have changed, as the kernel told it (`InputNotifications`): what the
/// preview's watcher reads again (`InputStamps.reading(again:)`) instead of every file.
public struct InputChanges: Sendable, Equatable {
    /// Folders of `Content/`, by path from it ("" for `Content/` itself), in which a file or a
    /// folder may have changed: each is read again with everything under it.
    public var contentFolders: Set<String> = []
    /// Whether a template or `site.yml` may have changed.
    public var settings = false
    /// Whether anything may have changed (`Content/` or `Templates/` themselves moved, or the
    /// kernel's queue overflowed): everything is read again.
    public var everything = false

    public init(contentFolders: Set<String> = [], settings: Bool = false, everything: Bool = false) {
        (self.contentFolders, self.settings, self.everything) = (contentFolders, settings, everything)
    }

    public static let all = InputChanges(everything: true)

    public var isEmpty: Bool { contentFolders.isEmpty && !settings && !everything }

    public mutating func formUnion(_ other: InputChanges) {
        contentFolders.formUnion(other.contentFolders)
        settings = settings || other.settings
        everything = everything || other.everything
    }

    /// The folders to read, none inside another.
    var outermostContentFolders: [String] {
        let sorted = contentFolders.sorted()
        var outermost: [String] = []
        for folder in sorted where !outermost.contains(where: { Self.isInside(folder, $0) }) {
            outermost.append(folder)
        }
        return outermost
    }

    /// Whether `path` (from `Content/`) is `folder` or under it.
    static func isInside(_ path: String, _ folder: String) -> Bool {
        folder.isEmpty || path == folder || path.hasPrefix(folder + "/")
    }
}
