/// Where a page lives in the output, as a folder relative to the site root (`tags/5g/`); the page
/// itself is that folder's `index.html`. The root is the empty path.
public struct SitePath: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Folder components; each is a slug or a fixed name, never `..`.
    public let components: [String]

    public init(_ components: [String]) {
        self.components = components
    }

    public static let root = SitePath([])

    public func appending(_ component: String) -> SitePath {
        SitePath(components + [component])
    }

    /// `tags/5g/index.html`: where the page is written.
    public var file: String {
        // Built in place: a rebuild asks for the file of every page, and joining a copy of the
        // components with "index.html" appended showed.
        var file = ""
        file.reserveCapacity(components.reduce(10) { $0 + $1.utf8.count + 1 })
        for component in components {
            file += component
            file += "/"
        }
        return file + "index.html"
    }

    /// `tags/5g/`.
    public var folder: String {
        components.isEmpty ? "" : components.joined(separator: "/") + "/"
    }

    public var description: String { folder }

    /// `../../`: from this page back to the site root. Relative links keep the site working under
    /// any sub-path and from disk.
    public var rootPrefix: String {
        String(repeating: "../", count: components.count)
    }

    /// A relative link from this page to `target`; `indexFiles` makes it end in `index.html` for
    /// browsing from disk, where folders do not open their index page.
    public func link(to target: SitePath, indexFiles: Bool) -> String {
        let link = rootPrefix + (indexFiles ? target.file : target.folder)
        return link.isEmpty ? "./" : link
    }

    /// A relative link from this page to a file such as `assets/style.css`.
    public func link(toFile file: String) -> String {
        rootPrefix + file
    }

    public static func < (lhs: SitePath, rhs: SitePath) -> Bool {
        lhs.components.lexicographicallyPrecedes(rhs.components)
    }
}
