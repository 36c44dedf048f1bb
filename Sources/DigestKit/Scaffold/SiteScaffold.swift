import Foundation
import Yams

/// `digest init`: a new site folder that builds as it is: site.yml, one example article, an
/// empty Public/, and a .gitignore for the output and the build cache. The theme is Digest's
/// built-in one until the site puts files in `Templates/` (`digest theme eject`).
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

        public var description: String {
            switch self {
            case let .notEmpty(path): return "\(path) already exists and is not empty; choose a new folder"
            }
        }
    }

    public func create() throws {
        let fileManager = FileManager.default
        if let entries = try? fileManager.contentsOfDirectory(atPath: directory.path), !entries.isEmpty {
            throw ScaffoldError.notEmpty(directory.path)
        }
        try fileManager.createDirectory(at: directory.appendingPathComponent("Content"), withIntermediateDirectories: true)
        try fileManager.createDirectory(at: directory.appendingPathComponent("Public"), withIntermediateDirectories: true)
        try siteYML.write(to: directory.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
        try "/Public/\n/\(BuildCache.folderName)/\n".write(to: directory.appendingPathComponent(".gitignore"), atomically: true, encoding: .utf8)
        let draft = ArticleDraft(
            title: "Welcome to your digest", section: "DIPLOMACY", tags: ["getting started"],
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
        let quotedTitle =
            (try? Yams.serialize(node: Node(title, Tag(.str), .doubleQuoted), width: -1, allowUnicode: true))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "Digest"
        return """
            # Digest site settings; see docs/configuration.md in Digest's repository.
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
