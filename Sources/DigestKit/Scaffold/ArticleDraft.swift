import Foundation
import Yams

/// A new article file: front matter in the documented field order, emitted by Yams so any title
/// (colons, quotes, `#`, leading dashes) stays valid YAML, and a Markdown body.
public struct ArticleDraft: Sendable {
    public var title: String
    public var section: String
    public var tags: [String]
    public var speakers: [String]
    public var source: String?
    public var summary: String?
    public var date: ArticleDate
    public var draft = false
    public var body = ""

    public init(title: String, section: String, tags: [String] = [], speakers: [String] = [],
                source: String? = nil, summary: String? = nil, date: ArticleDate) {
        self.title = title
        self.section = section
        self.tags = tags
        self.speakers = speakers
        self.source = source
        self.summary = summary
        self.date = date
    }

    /// `Content/2019/02/2019-02-13-china-urges-dialogue.md`: by local day, named after the title.
    public var relativePath: String {
        let day = date.day
        let slug = Slug.make(title)
        let name = "\(day.id)-\(slug.isEmpty ? "article" : slug).md"
        return "Content/\(CivilDate.pad(day.year, 4))/\(CivilDate.pad(day.month, 2))/\(name)"
    }

    public func text() throws -> String {
        func plain(_ value: String) -> Node { Node(value) }
        func quoted(_ value: String) -> Node { Node(value, Tag(.str), .doubleQuoted) }
        func list(_ values: [String]) -> Node {
            Node(values.map(plain), Tag(.seq), values.isEmpty ? .flow : .block)
        }
        var pairs: [(Node, Node)] = [
            (plain("title"), plain(title)),
            (plain("date"), quoted(date.iso8601)),
            (plain("section"), plain(section)),
        ]
        if let source { pairs.append((plain("source"), plain(source))) }
        pairs.append((plain("speakers"), list(speakers)))
        pairs.append((plain("tags"), list(tags)))
        if let summary { pairs.append((plain("summary"), plain(summary))) }
        if draft { pairs.append((plain("draft"), Node("true", Tag(.bool)))) }
        let yaml = try Yams.serialize(node: Node(pairs, Tag(.map), .block), width: -1, allowUnicode: true)
        return "---\n\(yaml)---\n\n\(body.isEmpty ? "" : body + "\n")"
    }

    public enum WriteError: Error, Equatable, CustomStringConvertible {
        case exists(String)

        public var description: String {
            switch self {
            case let .exists(path): return "\(path) already exists; not overwriting it (change the title or edit that file)"
            }
        }
    }

    /// Writes the file under `siteDirectory`, never replacing an existing one; returns its path.
    @discardableResult
    public func write(in siteDirectory: URL) throws -> String {
        let path = relativePath
        let url = siteDirectory.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        // O_EXCL: the check and the creation are one step, so a file that appears meanwhile is safe too.
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else {
            if errno == EEXIST { throw WriteError.exists(path) }
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        try handle.write(contentsOf: Data(try text().utf8))
        return path
    }
}
