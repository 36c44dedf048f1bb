/// One article, parsed and rendered, ready to be placed in the site.
///
/// A value, as before, but its fields sit behind one reference that is copied only when a
/// shared article is changed: an article passes through several arrays and dictionaries on its
/// way from parser to index, and copying some twenty fields (a retain each) for ten thousand
/// articles at every step was a fifth of a one-edit rebuild.
public struct Article: Sendable, Hashable {
    private final class Fields: @unchecked Sendable {
        var sourcePath: String
        var title: String
        var date: ArticleDate
        var section: String
        var tags: [String]
        var speakers: [String]
        var source: String?
        var summary: String?
        var isDraft: Bool
        var requestedSlug: String?
        var requestedSlugLine: Int?
        var body: ArticleBody
        var keys: ArticleKeys?
        var sourceSize: Int
        var sourceHash: UInt64
        var assets: [String]
        /// nil for an article from the build cache: its body, when made, gives them.
        var bodyLinks: [Markdown.Reference]?
        var quotes: [AttributedQuote]
        var language: String?
        var translationKey: String?

        init(sourcePath: String, title: String, date: ArticleDate, section: String, tags: [String], speakers: [String], source: String?, summary: String?, isDraft: Bool, requestedSlug: String?, requestedSlugLine: Int?, body: ArticleBody, keys: ArticleKeys?, sourceSize: Int, sourceHash: UInt64, assets: [String], bodyLinks: [Markdown.Reference]?, quotes: [AttributedQuote]) {
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
            self.body = body
            self.keys = keys
            self.sourceSize = sourceSize
            self.sourceHash = sourceHash
            self.assets = assets
            self.bodyLinks = bodyLinks
            self.quotes = quotes
        }

        func copy() -> Fields {
            let copy = Fields(sourcePath: sourcePath, title: title, date: date, section: section, tags: tags, speakers: speakers, source: source, summary: summary, isDraft: isDraft, requestedSlug: requestedSlug, requestedSlugLine: requestedSlugLine, body: body, keys: keys, sourceSize: sourceSize, sourceHash: sourceHash, assets: assets, bodyLinks: bodyLinks, quotes: quotes)
            copy.language = language
            copy.translationKey = translationKey
            return copy
        }
    }

    private var fields: Fields

    /// The fields, unshared first if another copy of the article holds them too.
    private var ownFields: Fields {
        mutating get {
            if !isKnownUniquelyReferenced(&fields) { fields = fields.copy() }
            return fields
        }
    }

    /// Path of the Markdown file, relative to the site folder.
    public var sourcePath: String {
        get { fields.sourcePath }
        set { ownFields.sourcePath = newValue }
    }
    public var title: String {
        get { fields.title }
        set { ownFields.title = newValue }
    }
    public var date: ArticleDate {
        get { fields.date }
        set { ownFields.date = newValue }
    }
    public var section: String {
        get { fields.section }
        set { ownFields.section = newValue }
    }
    public var tags: [String] {
        get { fields.tags }
        set { ownFields.tags = newValue }
    }
    public var speakers: [String] {
        get { fields.speakers }
        set { ownFields.speakers = newValue }
    }
    public var source: String? {
        get { fields.source }
        set { ownFields.source = newValue }
    }
    public var summary: String? {
        get { fields.summary }
        set { ownFields.summary = newValue }
    }
    /// `language:` (`zh`, `en-GB`); nil for the site's language.
    public var language: String? {
        get { fields.language }
        set { ownFields.language = newValue }
    }
    /// `translation_key:`: articles sharing one are translations of each other.
    public var translationKey: String? {
        get { fields.translationKey }
        set { ownFields.translationKey = newValue }
    }
    public var isDraft: Bool {
        get { fields.isDraft }
        set { ownFields.isDraft = newValue }
    }
    /// The slug the author asked for with `slug:`, if any; the index decides the final URL.
    public var requestedSlug: String? {
        get { fields.requestedSlug }
        set { ownFields.requestedSlug = newValue }
    }
    /// Line of the `slug:` field, so slug errors found while indexing can point at it.
    public var requestedSlugLine: Int? {
        get { fields.requestedSlugLine }
        set { ownFields.requestedSlugLine = newValue }
    }
    /// Holds the body HTML, or the way to make it when an article came from the build cache.
    var body: ArticleBody {
        get { fields.body }
        set { ownFields.body = newValue }
    }
    /// Worked out by the parser for the indexer; nil for articles made by hand (tests), which
    /// the indexer then works out itself.
    public internal(set) var keys: ArticleKeys? {
        get { fields.keys }
        set { ownFields.keys = newValue }
    }
    /// Size and `StableHasher` hash of the source file's bytes: what the build cache keys on.
    public var sourceSize: Int {
        get { fields.sourceSize }
        set { ownFields.sourceSize = newValue }
    }
    public var sourceHash: UInt64 {
        get { fields.sourceHash }
        set { ownFields.sourceHash = newValue }
    }
    /// Local files the body links to, relative to the site folder, to copy beside the page.
    public var assets: [String] {
        get { fields.assets }
        set { ownFields.assets = newValue }
    }
    /// Every link and image target in the body, with its line in the source file, so checks of
    /// the built page can point back at the line to fix.
    public var bodyLinks: [Markdown.Reference] {
        get { fields.bodyLinks ?? fields.body.links }
        set { ownFields.bodyLinks = newValue }
    }

    /// Leaves the body's links to the body (`ArticleBody.links`): what the build cache does,
    /// which keeps no links, as only `digest check` reads them and it parses afresh.
    mutating func takeLinksFromBody() {
        ownFields.bodyLinks = nil
    }
    /// Quotations attributed to speakers (from `quotes:` and from `— Name` blockquotes), with
    /// their line in the source file.
    public var quotes: [AttributedQuote] {
        get { fields.quotes }
        set { ownFields.quotes = newValue }
    }
    /// Body HTML from cmark-gfm.
    public var bodyHTML: String {
        get { body.html }
        set { body = ArticleBody(html: newValue) }
    }

    public init(
        sourcePath: String, title: String, date: ArticleDate, section: String, tags: [String] = [],
        speakers: [String] = [], source: String? = nil, summary: String? = nil, isDraft: Bool = false,
        requestedSlug: String? = nil, requestedSlugLine: Int? = nil, bodyHTML: String = "", assets: [String] = []
    ) {
        fields = Fields(
            sourcePath: sourcePath, title: title, date: date, section: section, tags: tags, speakers: speakers,
            source: source, summary: summary, isDraft: isDraft, requestedSlug: requestedSlug,
            requestedSlugLine: requestedSlugLine, body: ArticleBody(html: bodyHTML), keys: nil, sourceSize: 0,
            sourceHash: 0, assets: assets, bodyLinks: [], quotes: [])
    }

    public static func == (lhs: Article, rhs: Article) -> Bool {
        if lhs.fields === rhs.fields { return true }
        let (l, r) = (lhs.fields, rhs.fields)
        // One comparison per statement: a single chain of eighteen `&&` is more than the type
        // checker will take on in reasonable time.
        guard l.sourcePath == r.sourcePath else { return false }
        guard l.title == r.title else { return false }
        guard l.date == r.date else { return false }
        guard l.section == r.section else { return false }
        guard l.tags == r.tags else { return false }
        guard l.speakers == r.speakers else { return false }
        guard l.source == r.source else { return false }
        guard l.summary == r.summary else { return false }
        guard l.language == r.language, l.translationKey == r.translationKey else { return false }
        guard l.isDraft == r.isDraft else { return false }
        guard l.requestedSlug == r.requestedSlug else { return false }
        guard l.requestedSlugLine == r.requestedSlugLine else { return false }
        guard l.body == r.body else { return false }
        guard l.keys == r.keys else { return false }
        guard l.sourceSize == r.sourceSize else { return false }
        guard l.sourceHash == r.sourceHash else { return false }
        guard l.assets == r.assets else { return false }
        guard lhs.bodyLinks == rhs.bodyLinks else { return false }
        guard l.quotes == r.quotes else { return false }
        return true
    }

    /// Fields that belong to the body: its HTML, the links in it, and the source bytes it came
    /// from. `sameOutsideBody` compares every other field (a test holds the two lists to the
    /// fields there are).
    static let bodyFields: Set<String> = ["body", "bodyLinks", "sourceSize", "sourceHash", "keys"]

    /// True when the two differ at most in their body: then every page that shows no body
    /// looks the same for either, and the indexer places them alike. Quotes are compared by
    /// text and speaker, as pages show them: their lines move when the body above them grows.
    /// `keys` are worked out from the fields compared.
    func sameOutsideBody(as other: Article) -> Bool {
        if fields === other.fields { return true }
        let (l, r) = (fields, other.fields)
        guard l.sourcePath == r.sourcePath, l.title == r.title, l.date == r.date else { return false }
        guard l.section == r.section, l.tags == r.tags, l.speakers == r.speakers else { return false }
        guard l.source == r.source, l.summary == r.summary, l.isDraft == r.isDraft else { return false }
        guard l.language == r.language, l.translationKey == r.translationKey else { return false }
        guard l.requestedSlug == r.requestedSlug, l.requestedSlugLine == r.requestedSlugLine else { return false }
        guard l.assets == r.assets, l.quotes.count == r.quotes.count else { return false }
        return zip(l.quotes, r.quotes).allSatisfy { $0.text == $1.text && $0.speaker == $1.speaker }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(fields.sourcePath)
        hasher.combine(fields.title)
        hasher.combine(fields.date)
        hasher.combine(fields.section)
        hasher.combine(fields.tags)
        hasher.combine(fields.speakers)
        hasher.combine(fields.source)
        hasher.combine(fields.summary)
        hasher.combine(fields.language)
        hasher.combine(fields.translationKey)
        hasher.combine(fields.isDraft)
        hasher.combine(fields.requestedSlug)
        hasher.combine(fields.requestedSlugLine)
        hasher.combine(fields.body)
        hasher.combine(fields.keys)
        hasher.combine(fields.sourceSize)
        hasher.combine(fields.sourceHash)
        hasher.combine(fields.assets)
        hasher.combine(bodyLinks)
        hasher.combine(fields.quotes)
    }
}
