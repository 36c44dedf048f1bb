import Foundation

/// A new article file for `digest new` and `digest init`: front matter (see `ArticleFrontMatter`)
/// and a Markdown body, written without ever replacing a file.
public struct ArticleDraft: Sendable {
    public var title: String
    public var section: String
    public var tags: [String]
    public var speakers: [String]
    public var source: String?
    public var summary: String?
    public var date: ArticleDate
    public var draft = false
    /// `language:`, for an article not in the site's language (a tag `languageTag` accepts).
    public var language: String?
    /// `translation_key:`, shared with the article's translations.
    public var translationKey: String?
    public var body = ""

    public init(
        title: String, section: String, tags: [String] = [], speakers: [String] = [],
        source: String? = nil, summary: String? = nil, date: ArticleDate
    ) {
        self.title = title
        self.section = section
        self.tags = tags
        self.speakers = speakers
        self.source = source
        self.summary = summary
        self.date = date
    }

    /// `Content/2019/02/2019-02-13-china-urges-dialogue.md`: by local day, named after the title.
    /// `text` as `language:` takes it (`zh`, `en-GB`; `pt_BR` becomes `pt-BR`), or nil when it
    /// is no language tag.
    public static func languageTag(_ text: String) -> String? {
        LanguageTag.normalized(text)
    }

    public var relativePath: String {
        ArticleFileWriter.path(title: title, date: date)
    }

    public func text() throws -> String {
        var frontMatter = ArticleFrontMatter(
            title: title, date: date, source: source, section: section, speakers: speakers,
            tags: tags, summary: summary, draft: draft)
        frontMatter.language = language
        frontMatter.translationKey = translationKey
        return "---\n\(try frontMatter.yaml())---\n\n\(body.isEmpty ? "" : body + "\n")"
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
