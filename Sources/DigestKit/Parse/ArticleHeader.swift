/// What an article's front matter says, read and checked: everything an article is outside its
/// body. Its stored properties are the one list of those fields. The build cache stores a
/// header through `Codable` (`CacheEncoder`), an article's fingerprint without its body hashes
/// that encoding, and two articles are the same outside their bodies when their headers are
/// equal; so a field added here is cached, fingerprinted and compared with no other change.
/// Reading it from the front matter is `ArticleParser`'s.
public struct ArticleHeader: Codable, Hashable, Sendable {
    public var title: String
    public var date: ArticleDate
    /// When the article was last changed (`updated:`); never before `date`.
    public var updated: ArticleDate? = nil
    public var section: String
    public var tags: [String] = []
    /// Everyone listed in `speakers:`, and everyone quoted.
    public var speakers: [String] = []
    public var source: String? = nil
    public var summary: String? = nil
    /// A short note on what was corrected (`correction:`, Markdown), as HTML.
    public var correctionHTML: String? = nil
    public var isDraft = false
    /// The slug the author asked for with `slug:`, if any; the index decides the final URL.
    public var requestedSlug: String? = nil
    /// Line of the `slug:` field, so slug errors found while indexing can point at it.
    public var requestedSlugLine: Int? = nil
    /// Quotations attributed to speakers (from `quotes:` and from `— Name` blockquotes), as
    /// pages show them. Their lines belong to the body (`Article.quoteLines`): they move when
    /// the body above a quote grows, which changes no page that shows no body.
    public var quotes: [Quote] = []
    /// Local files the body links to, relative to the site folder, to copy beside the page.
    public var assets: [String] = []
    /// Old addresses of the article (`aliases:`), as site paths (`articles/old-slug/`, or a
    /// file such as `old/page.html`): each gets a page that redirects to the article.
    public var aliases: [String] = []
    /// The article's identity in feeds (`id:`), when the author fixes it; otherwise it is made
    /// from the site's host, the first-published day and the file's name.
    public var feedID: String? = nil
    /// `language:` (`zh`, `en-GB`); nil for the site's language.
    public var language: String? = nil
    /// `translation_key:`: articles sharing one are translations of each other.
    public var translationKey: String? = nil

    public struct Quote: Codable, Hashable, Sendable {
        public var text: String
        public var speaker: String
    }
}

extension ArticleHeader {
    /// When the article last changed: `updated:`, or when it was published.
    public var lastChanged: ArticleDate { updated ?? date }
}
