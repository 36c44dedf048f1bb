/// Where an article's page goes: `permalink:` in site.yml, a pattern of folder names and
/// placeholders. The default, `/:year/:month/:day/:slug/`, suits a daily wire archive: the same
/// headline ("Regular press conference") comes back every day, and each day keeps its own.
///
/// An address is made only from what the author controls and never from the order articles
/// arrive in: the file's name (or `slug:`), its date and section. So adding, removing or
/// retitling one article moves no other.
public struct Permalink: Sendable, Hashable, CustomStringConvertible {
    enum Part: Sendable, Hashable {
        case fixed(String)
        case year, month, day, section, slug
    }

    let parts: [Part]
    public let description: String

    public static let defaultPattern = "/:year/:month/:day/:slug/"
    public static let `default` = try! Permalink(defaultPattern)

    /// Folders the site's other pages use; an article's address may not start with one.
    public static let reservedFolders: Set<String> = [
        "archive", "assets", "days", "page", "search", "sections", "speakers", "tags", "weeks", "years",
    ]

    public struct PatternError: Error, Equatable, CustomStringConvertible {
        public var description: String
    }

    public init(_ pattern: String) throws(PatternError) {
        var parts: [Part] = []
        for component in pattern.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ":year": parts.append(.year)
            case ":month": parts.append(.month)
            case ":day": parts.append(.day)
            case ":section": parts.append(.section)
            case ":slug": parts.append(.slug)
            default:
                let name = String(component)
                guard !name.hasPrefix(":") else {
                    throw PatternError(description: "unknown placeholder '\(name)' in permalink '\(pattern)'; use :year, :month, :day, :section and :slug")
                }
                guard Slug.make(name) == name else {
                    throw PatternError(description: "the folder '\(name)' in permalink '\(pattern)' may hold only lowercase letters, digits and dashes")
                }
                parts.append(.fixed(name))
            }
        }
        guard parts.contains(.slug) else {
            throw PatternError(description: "permalink '\(pattern)' has no :slug, so articles would share addresses; add /:slug/")
        }
        if case let .fixed(first) = parts.first, Self.reservedFolders.contains(first) {
            throw PatternError(description: "permalink '\(pattern)' starts with '\(first)/', which the site's \(first) pages use; choose another folder")
        }
        self.parts = parts
        self.description = "/" + parts.map(Self.text).joined(separator: "/") + "/"
    }

    private static func text(_ part: Part) -> String {
        switch part {
        case let .fixed(name): name
        case .year: ":year"
        case .month: ":month"
        case .day: ":day"
        case .section: ":section"
        case .slug: ":slug"
        }
    }

    /// The page folder for an article published on `day`, in `sectionSlug`, named `slug`.
    public func path(day: CivilDate, sectionSlug: String, slug: String) -> SitePath {
        SitePath(
            parts.map { part in
                switch part {
                case let .fixed(name): name
                case .year: Self.padded(day.year, to: 4)
                case .month: Self.padded(day.month, to: 2)
                case .day: Self.padded(day.day, to: 2)
                case .section: sectionSlug
                case .slug: slug
                }
            })
    }

    /// The page folder the file at `sourcePath` gets, without `slug:`: the address `digest new`
    /// and `digest import` tell for the files they write.
    public func address(ofFile sourcePath: String, day: CivilDate, section: String) -> SitePath {
        path(day: day, sectionSlug: Slug.make(TermKey.normalize(section)), slug: Permalink.fileSlug(sourcePath))
    }

    private static func padded(_ number: Int, to width: Int) -> String {
        let digits = String(number)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// The slug an article's file gives: its name without the extension and without a leading
    /// date (`2019-02-13-china-urges-stop-tarnishing.md` → `china-urges-stop-tarnishing`); for
    /// `folder/index.md`, the folder's name, likewise.
    public static func fileSlug(_ sourcePath: String) -> String {
        Slug.make(String(withoutLeadingDate(Substring(fileName(sourcePath)))))
    }

    /// The name an article's file gives it: the file's name without its extension, or for
    /// `folder/index.md`, the folder's name (`2019-02-13-china-urges-stop-tarnishing`).
    public static func fileName(_ sourcePath: String) -> String {
        var components = sourcePath.split(separator: "/")
        guard var name = components.popLast() else { return "" }
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = name[..<dot] }
        if name == "index", let folder = components.last { name = folder }
        return String(name)
    }

    /// `name` without a `YYYY-MM-DD` prefix and the separator after it.
    static func withoutLeadingDate(_ name: Substring) -> Substring {
        let bytes = Array(name.utf8.prefix(11))
        let isDigit = { (index: Int) in index < bytes.count && bytes[index] >= 48 && bytes[index] <= 57 }
        let shape = [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy(isDigit) && bytes.count >= 10 && bytes[4] == 45 && bytes[7] == 45
        guard shape else { return name }
        var rest = name.utf8.dropFirst(10)
        if let separator = rest.first, separator == 45 || separator == 95 || separator == 32 { rest = rest.dropFirst() }
        return Substring(rest)
    }
}
