/// One article, parsed and rendered, ready to be placed in the site.
public struct Article: Sendable, Hashable {
    /// Path of the Markdown file, relative to the site folder.
    public var sourcePath: String
    public var title: String
    public var date: ArticleDate
    public var section: String
    public var tags: [String]
    public var speakers: [String]
    public var source: String?
    public var summary: String?
    public var isDraft: Bool
    /// The slug the author asked for with `slug:`, if any; the index decides the final URL.
    public var requestedSlug: String?
    /// Line of the `slug:` field, so slug errors found while indexing can point at it.
    public var requestedSlugLine: Int?
    /// Body HTML from cmark-gfm.
    public var bodyHTML: String {
        get { body.html }
        set { body = ArticleBody(html: newValue) }
    }
    /// Holds the body HTML, or the way to make it when an article came from the build cache.
    var body: ArticleBody
    /// Worked out by the parser for the indexer; nil for articles made by hand (tests), which
    /// the indexer then works out itself.
    public internal(set) var keys: ArticleKeys?
    /// Size and `StableHasher` hash of the source file's bytes: what the build cache keys on.
    public var sourceSize = 0
    public var sourceHash: UInt64 = 0
    /// Local files the body links to, relative to the site folder, to copy beside the page.
    public var assets: [String]
    /// Every link and image target in the body, with its line in the source file, so checks of
    /// the built page can point back at the line to fix.
    public var bodyLinks: [Markdown.Reference] = []
    /// Quotations attributed to speakers (from `quotes:` and from `— Name` blockquotes), with
    /// their line in the source file.
    public var quotes: [AttributedQuote] = []

    public init(
        sourcePath: String, title: String, date: ArticleDate, section: String, tags: [String] = [],
        speakers: [String] = [], source: String? = nil, summary: String? = nil, isDraft: Bool = false,
        requestedSlug: String? = nil, requestedSlugLine: Int? = nil, bodyHTML: String = "", assets: [String] = []
    ) {
        self.sourcePath = sourcePath
        self.title = title
        self.date = date
        self.section = section
        self.tags = tags
        self.speakers = speakers
        self.source = source
        self.summary = summary
        self.isDraft = isDraft
        self.requestedSlug = requestedSlug
        self.requestedSlugLine = requestedSlugLine
        self.body = ArticleBody(html: bodyHTML)
        self.assets = assets
    }
}

