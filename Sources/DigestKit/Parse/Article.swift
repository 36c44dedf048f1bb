/// One article, parsed and rendered, ready to be placed in the site: a header (the front
/// matter's fields, `ArticleHeader`, read here as `article.title` and so on) and a body (its
/// HTML or the way to make it, with what only the body decides: its links, its quotes' lines,
/// the source bytes it came from, and keys worked out from the header).
///
/// A value, but its parts sit behind one reference that is copied only when a shared article is
/// changed: an article passes through several arrays and dictionaries on its way from parser to
/// index, and copying some twenty fields (a retain each) of every article at every step showed
/// in one-edit rebuilds.
@dynamicMemberLookup
public struct Article: Sendable, Hashable {
    /// Changed only through `ownStorage`, when no other article shares it.
    private final class Storage: @unchecked Sendable {
        var sourcePath: String
        var header: ArticleHeader
        /// `header.fingerprint`, worked out once: feeds, newsletters and the site's structure
        /// each ask for it, and encoding every header again for each showed in rebuilds.
        var headerFingerprint: UInt64
        var body: ArticleBody
        /// nil for an article from the build cache: its body, when made, gives them.
        var bodyLinks: [Markdown.Reference]?
        var quoteLines: [Int]
        var keys: ArticleKeys?
        var sourceSize: Int
        var sourceHash: UInt64

        init(
            sourcePath: String, header: ArticleHeader, headerFingerprint: UInt64, body: ArticleBody,
            bodyLinks: [Markdown.Reference]?, quoteLines: [Int], keys: ArticleKeys?, sourceSize: Int, sourceHash: UInt64
        ) {
            self.sourcePath = sourcePath
            self.header = header
            self.headerFingerprint = headerFingerprint
            self.body = body
            self.bodyLinks = bodyLinks
            self.quoteLines = quoteLines
            self.keys = keys
            self.sourceSize = sourceSize
            self.sourceHash = sourceHash
        }

        func copy() -> Storage {
            Storage(
                sourcePath: sourcePath, header: header, headerFingerprint: headerFingerprint, body: body,
                bodyLinks: bodyLinks, quoteLines: quoteLines, keys: keys, sourceSize: sourceSize, sourceHash: sourceHash)
        }
    }

    private var storage: Storage

    /// The storage, unshared first if another copy of the article holds it too.
    private var ownStorage: Storage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            return storage
        }
    }

    /// `article.title`, `article.tags`…: the header's fields, read and set in place.
    public subscript<Value>(dynamicMember field: WritableKeyPath<ArticleHeader, Value>) -> Value {
        get { storage.header[keyPath: field] }
        set { header[keyPath: field] = newValue }
    }

    /// What the header works out from its fields (`article.lastChanged`).
    public subscript<Value>(dynamicMember value: KeyPath<ArticleHeader, Value>) -> Value {
        storage.header[keyPath: value]
    }

    /// Setting it drops `keys`, which were worked out from the header it replaces.
    public var header: ArticleHeader {
        get { storage.header }
        set {
            let storage = ownStorage
            storage.header = newValue
            storage.headerFingerprint = newValue.fingerprint
            storage.keys = nil
        }
    }
    /// A hash of the header (`ArticleHeader.fingerprint`), kept since the header was set.
    var headerFingerprint: UInt64 { storage.headerFingerprint }
    /// Path of the Markdown file, relative to the site folder.
    public var sourcePath: String {
        get { storage.sourcePath }
        set { ownStorage.sourcePath = newValue }
    }
    /// Holds the body HTML, or the way to make it when an article came from the build cache.
    var body: ArticleBody {
        get { storage.body }
        set { ownStorage.body = newValue }
    }
    /// Body HTML from cmark-gfm.
    public var bodyHTML: String {
        get { body.html }
        set { body = ArticleBody(html: newValue) }
    }
    /// Every link and image target in the body, with its line in the source file, so checks of
    /// the built page can point back at the line to fix.
    public var bodyLinks: [Markdown.Reference] {
        get { storage.bodyLinks ?? storage.body.links }
        set { ownStorage.bodyLinks = newValue }
    }
    /// The line in the source file of each of `quotes`.
    public var quoteLines: [Int] {
        get { storage.quoteLines }
        set { ownStorage.quoteLines = newValue }
    }
    /// Worked out by the parser for the indexer; nil for articles made by hand (tests), which
    /// the indexer then works out itself.
    public internal(set) var keys: ArticleKeys? {
        get { storage.keys }
        set { ownStorage.keys = newValue }
    }
    /// Size and `StableHasher` hash of the source file's bytes: what the build cache keys on.
    public var sourceSize: Int {
        get { storage.sourceSize }
        set { ownStorage.sourceSize = newValue }
    }
    public var sourceHash: UInt64 {
        get { storage.sourceHash }
        set { ownStorage.sourceHash = newValue }
    }

    /// The quotes with their lines.
    public var attributedQuotes: [AttributedQuote] {
        get {
            zip(storage.header.quotes, storage.quoteLines).map { AttributedQuote(text: $0.text, speaker: $0.speaker, line: $1) }
        }
        set {
            header.quotes = newValue.map { ArticleHeader.Quote(text: $0.text, speaker: $0.speaker) }
            quoteLines = newValue.map(\.line)
        }
    }

    /// Leaves the body's links to the body (`ArticleBody.links`): what the build cache does,
    /// which keeps no links, as only `digest check` reads them and it parses afresh.
    mutating func takeLinksFromBody() {
        ownStorage.bodyLinks = nil
    }

    public init(
        sourcePath: String, title: String, date: ArticleDate, section: String, tags: [String] = [],
        speakers: [String] = [], source: String? = nil, summary: String? = nil, isDraft: Bool = false,
        requestedSlug: String? = nil, requestedSlugLine: Int? = nil, bodyHTML: String = "", assets: [String] = []
    ) {
        let header = ArticleHeader(
            title: title, date: date, section: section, tags: tags, speakers: speakers, source: source, summary: summary,
            isDraft: isDraft, requestedSlug: requestedSlug, requestedSlugLine: requestedSlugLine, assets: assets)
        self.init(sourcePath: sourcePath, header: header, body: ArticleBody(html: bodyHTML), bodyLinks: [])
    }

    init(
        sourcePath: String, header: ArticleHeader, body: ArticleBody, bodyLinks: [Markdown.Reference]?,
        quoteLines: [Int] = [], sourceSize: Int = 0, sourceHash: UInt64 = 0, keys: ArticleKeys? = nil,
        headerFingerprint: UInt64? = nil
    ) {
        storage = Storage(
            sourcePath: sourcePath, header: header, headerFingerprint: headerFingerprint ?? header.fingerprint, body: body,
            bodyLinks: bodyLinks, quoteLines: quoteLines, keys: keys, sourceSize: sourceSize, sourceHash: sourceHash)
    }

    /// True when both come from the same source file: mostly the very same article, which
    /// tells without reading the path.
    func hasSameSource(as other: Article) -> Bool {
        storage === other.storage || storage.sourcePath == other.storage.sourcePath
    }

    /// True when the two differ at most in their body: then every page that shows no body
    /// looks the same for either, and the indexer places them alike. `keys` are worked out
    /// from the header.
    func sameOutsideBody(as other: Article) -> Bool {
        storage === other.storage || (storage.sourcePath == other.storage.sourcePath && storage.header == other.storage.header)
    }

    public static func == (lhs: Article, rhs: Article) -> Bool {
        if lhs.storage === rhs.storage { return true }
        let (l, r) = (lhs.storage, rhs.storage)
        guard l.sourcePath == r.sourcePath, l.header == r.header, l.body == r.body else { return false }
        guard l.quoteLines == r.quoteLines, l.keys == r.keys, lhs.bodyLinks == rhs.bodyLinks else { return false }
        return l.sourceSize == r.sourceSize && l.sourceHash == r.sourceHash
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.sourcePath)
        hasher.combine(storage.header)
        hasher.combine(storage.body)
        hasher.combine(bodyLinks)
        hasher.combine(storage.quoteLines)
        hasher.combine(storage.keys)
        hasher.combine(storage.sourceSize)
        hasher.combine(storage.sourceHash)
    }
}
