import Yams

/// The front matter Digest writes for a new article (`digest import`, `digest new`,
/// `digest init`), in the order an editor reads it.
public struct ArticleFrontMatter: Sendable, Hashable {
    public var title: String
    public var date: ArticleDate
    public var source: String?
    /// nil when nobody knows it yet (wire copy without `Posted in:`): written as an empty
    /// `section: ""` under a comment saying what to do, for the editor to fill in.
    public var section: String?
    public var speakers: [String]
    public var tags: [String]
    public var summary: String?
    public var draft: Bool
    /// `language:`, when the copy is not in the site's language.
    public var language: String?
    /// `translation_key:`, shared with the article's translations.
    public var translationKey: String?

    public init(
        title: String, date: ArticleDate, source: String?, section: String?, speakers: [String],
        tags: [String] = [], summary: String? = nil, draft: Bool = false
    ) {
        self.title = title
        self.date = date
        self.source = source
        self.section = section
        self.speakers = speakers
        self.tags = tags
        self.summary = summary
        self.draft = draft
    }

    /// Written above an unknown section's empty `section: ""`, so the editor opening the file
    /// sees what is left to do.
    public static let missingSectionComment = "# TODO: set the section (e.g. section: DIPLOMACY), then remove 'draft: true' to publish"

    /// The YAML between the `---` lines, emitted by Yams so titles with `:`, quotes, `#` or a
    /// leading `-` stay text. An empty `tags: []` is written for the editor to fill.
    public func yaml() throws -> String {
        var pairs: [(Node, Node)] = [("title", text(title))]
        // Quoted, so YAML keeps the offset instead of turning the value into a UTC timestamp.
        pairs.append(("date", Node(date.iso8601, Tag(.str), .doubleQuoted)))
        if let source { pairs.append(("source", text(source))) }
        if let language { pairs.append(("language", text(language))) }
        if let translationKey { pairs.append(("translation_key", text(translationKey))) }
        guard let section else {
            // Yams writes no comments: the fields before and after the comment are emitted as
            // two mappings, which read back as one.
            let before = try serialize(pairs)
            let after = try serialize(laterPairs())
            return before + Self.missingSectionComment + "\nsection: \"\"\n" + after
        }
        pairs.append(("section", text(section)))
        return try serialize(pairs + laterPairs())
    }

    /// The fields after `section`.
    private func laterPairs() -> [(Node, Node)] {
        var pairs: [(Node, Node)] = []
        if !speakers.isEmpty {
            pairs.append(("speakers", Node(speakers.map(text), Tag(.seq), .block)))
        }
        pairs.append(("tags", Node(tags.map(text), Tag(.seq), tags.isEmpty ? .flow : .block)))
        if let summary { pairs.append(("summary", text(summary))) }
        if draft { pairs.append(("draft", Node("true", Tag(.bool)))) }
        return pairs
    }

    private func serialize(_ pairs: [(Node, Node)]) throws -> String {
        try Yams.serialize(node: Node(pairs), width: -1, allowUnicode: true)
    }

    /// A string node Yams quotes when it would otherwise read as a number, boolean or null.
    private func text(_ value: String) -> Node {
        .scalar(value.represented())
    }
}
