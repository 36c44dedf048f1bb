/// An article's term keys and title slug: Unicode work the indexer needs for every article.
/// The parser works them out (in parallel) and the build cache keeps them, so a rebuild does not
/// redo them for articles that did not change.
public struct ArticleKeys: Codable, Sendable, Hashable {
    var section: String
    var tags: [String]
    var speakers: [String]
    var titleSlug: String
    /// The speaker key of each of the article's quotes.
    var quoteSpeakers: [String]

    init(section: String, tags: [String], speakers: [String], titleSlug: String, quoteSpeakers: [String]) {
        self.section = section
        self.tags = tags
        self.speakers = speakers
        self.titleSlug = titleSlug
        self.quoteSpeakers = quoteSpeakers
    }

    init(_ article: Article) {
        section = TermKey.normalize(article.section)
        tags = article.tags.map(TermKey.normalize)
        speakers = article.speakers.map(TermKey.normalize)
        titleSlug = Slug.make(article.title)
        quoteSpeakers = article.quotes.map { TermKey.normalize($0.speaker) }
    }
}
