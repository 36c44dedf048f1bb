import Foundation
import Yams

/// `digest init`: a new site folder that builds as it is: site.yml, the default theme, one
/// example article, an empty Public/, and a .gitignore for the output and the build cache.
public struct SiteScaffold: Sendable {
    public var directory: URL
    public var title: String
    public var timeZone: TimeZone
    public var now: Date

    public init(directory: URL, title: String = "Briefing Digest", timeZone: TimeZone = .current, now: Date = Date()) {
        self.directory = directory.standardizedFileURL
        self.title = title
        self.timeZone = timeZone
        self.now = now
    }

    public enum ScaffoldError: Error, CustomStringConvertible {
        case notEmpty(String)
        case themeMissing

        public var description: String {
            switch self {
            case let .notEmpty(path): return "\(path) already exists and is not empty; choose a new folder"
            case .themeMissing: return "the default theme is not installed next to digest (Digest_DigestKit.resources); rebuild Digest"
            }
        }
    }

    /// The theme shipped in DigestKit's resource bundle, which SwiftPM puts next to the `digest`
    /// executable. Looked up by hand: `Bundle.module` stops the program when the bundle is
    /// missing (a binary copied elsewhere without it), and this is better said as an error.
    public static var defaultTheme: URL? {
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        let candidates = [
            Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent(),
            executable.deletingLastPathComponent(),
            Bundle.main.bundleURL,
        ].compactMap { $0 }
        for folder in candidates {
            let theme = folder.appendingPathComponent("Digest_DigestKit.resources/DefaultTheme")
            if FileManager.default.fileExists(atPath: theme.appendingPathComponent("base.mustache").path) { return theme }
        }
        return nil
    }

    public func create() throws {
        let fileManager = FileManager.default
        if let entries = try? fileManager.contentsOfDirectory(atPath: directory.path), !entries.isEmpty {
            throw ScaffoldError.notEmpty(directory.path)
        }
        guard let theme = Self.defaultTheme else { throw ScaffoldError.themeMissing }
        try fileManager.createDirectory(at: directory.appendingPathComponent("Content"), withIntermediateDirectories: true)
        try fileManager.createDirectory(at: directory.appendingPathComponent("Public"), withIntermediateDirectories: true)
        try fileManager.copyItem(at: theme.resolvingSymlinksInPath(), to: directory.appendingPathComponent("Templates"))
        try siteYML.write(to: directory.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
        try "/Public/\n/\(BuildCache.folderName)/\n".write(to: directory.appendingPathComponent(".gitignore"), atomically: true, encoding: .utf8)
        let draft = ArticleDraft(title: "Welcome to your digest", section: "DIPLOMACY", tags: ["getting started"],
                                 speakers: [], date: ArticleDate(instant: Int(now.timeIntervalSince1970), in: timeZone))
        var body = draft
        body.summary = "An example article: edit or delete it, then add your own with digest new."
        body.body = """
            Articles are Markdown files in `Content/` with front matter between `---` lines.
            Run `digest build` to write the site into `Public/`, or `digest serve` to preview it
            while you write.

            > "Quote the people you report on; list them under `speakers:`."
            """
        try body.write(in: directory)
    }

    var siteYML: String {
        // Yams writes the title as a YAML scalar, quoted however the text needs.
        let quotedTitle = (try? Yams.serialize(node: Node(title, Tag(.str), .doubleQuoted), width: -1, allowUnicode: true))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "Digest"
        return """
            # Digest site settings; see the README's site.yml reference.
            title: \(quotedTitle)
            description: ""
            language: en
            timezone: \(timeZone.identifier)
            # base_url: https://example.org/digest/   # turns on feeds, sitemap and canonical links
            paginate: 20
            sections:
              - id: DIPLOMACY
                title: Diplomacy
              - id: ECONOMY
                title: Economy
            unsafe_html: false
            link_index_html: false

            """
    }
}
