import Foundation
import Testing

@testable import DigestKit

/// `ArticleHeader` is the one list of an article's fields outside its body: each field, changed
/// alone, is a change outside the body, changes the fingerprint of the pages that show no body,
/// and comes back from the build cache as it went in.
@Suite struct ArticleHeaderTests {
    static func date(_ offsetSeconds: Int) -> ArticleDate {
        ArticleDate(instant: 1_550_000_000 + offsetSeconds, in: shanghai())
    }

    /// An article with every header field away from its default.
    static func article() -> Article {
        var article = Article(
            sourcePath: "Content/a.md", title: "Talks", date: date(0), section: "DIPLOMACY", tags: ["Trade"],
            speakers: ["Wang Wenbin"], source: "Xinhua", summary: "In short", isDraft: true, requestedSlug: "talks",
            requestedSlugLine: 6, bodyHTML: "<p>x</p>", assets: ["Content/a.png"])
        article.updated = date(3_600)
        article.correctionHTML = "<p>An earlier version named the wrong ministry.</p>\n"
        article.aliases = ["articles/talks/"]
        article.feedID = "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a"
        article.language = "zh"
        article.translationKey = "mfa-0213"
        article.attributedQuotes = [AttributedQuote(text: "We urge calm.", speaker: "Wang Wenbin", line: 12)]
        article.sourceSize = 120
        article.sourceHash = 7
        article.keys = ArticleKeys(article)
        return article
    }

    /// Changes to the header, each named by the field it changes. A field added to
    /// `ArticleHeader` fails `everyFieldIsSetAndChangedBelow` until it has one here.
    static let changes: [(field: String, change: @Sendable (inout ArticleHeader) -> Void)] = [
        ("title", { $0.title = "Other talks" }),
        ("date", { $0.date = date(60) }),
        ("updated", { $0.updated = date(7_200) }),
        ("updated", { $0.updated = nil }),
        ("section", { $0.section = "ECONOMY" }),
        ("tags", { $0.tags = ["trade"] }),
        ("speakers", { $0.speakers.append("Geng Shuang") }),
        ("source", { $0.source = nil }),
        ("summary", { $0.summary = "In brief" }),
        ("correctionHTML", { $0.correctionHTML = "<p>Corrected twice.</p>\n" }),
        ("correctionHTML", { $0.correctionHTML = nil }),
        ("isDraft", { $0.isDraft = false }),
        ("requestedSlug", { $0.requestedSlug = "other" }),
        ("requestedSlugLine", { $0.requestedSlugLine = 7 }),
        ("quotes", { $0.quotes[0].text = "We urge restraint." }),
        (
            "quotes",
            {
                $0.quotes[0].speaker = "Geng Shuang"
                $0.speakers.append("Geng Shuang")
            }
        ),
        ("quotes", { $0.quotes.append($0.quotes[0]) }),
        ("assets", { $0.assets = [] }),
        ("aliases", { $0.aliases = ["articles/talks/", "old/talks.html"] }),
        ("aliases", { $0.aliases = [] }),
        ("feedID", { $0.feedID = "tag:example.org,2019:other" }),
        ("feedID", { $0.feedID = nil }),
        ("language", { $0.language = "en" }),
        ("language", { $0.language = nil }),
        ("translationKey", { $0.translationKey = "mfa-0214" }),
        ("translationKey", { $0.translationKey = nil }),
    ]

    static func changed(_ change: (inout ArticleHeader) -> Void) -> Article {
        var article = article()
        change(&article.header)
        return article
    }

    /// The fingerprint of every page that shows no body (`Site.structureFingerprint`) for a
    /// site of this one article.
    static func structureFingerprint(_ article: Article) -> UInt64 {
        var config = SiteConfig()
        config.timeZone = shanghai()
        return SiteIndexer(config: config).index([article]).site.structureFingerprint(seed: 1)
    }

    /// Whether a value is what a field holds when nothing sets it: nil, empty, false, zero.
    static func isDefault(_ value: Any) -> Bool {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional || mirror.displayStyle == .collection { return mirror.children.isEmpty }
        return (value as? Bool) == false || (value as? String)?.isEmpty == true || (value as? Int) == 0
    }

    @Test func everyFieldIsSetAndChangedBelow() {
        let fields = Mirror(reflecting: Self.article().header).children
        #expect(Set(fields.compactMap(\.label)) == Set(Self.changes.map(\.field)))
        for field in fields {
            #expect(!Self.isDefault(field.value), "the sample leaves '\(field.label ?? "?")' at its default")
        }
    }

    @Test func eachHeaderChangeIsOutsideTheBodyAndChangesTheFingerprint() {
        let original = Self.article()
        let fingerprint = Self.structureFingerprint(original)
        for (field, change) in Self.changes {
            let changed = Self.changed(change)
            #expect(changed.header != original.header, "the change to '\(field)' changed nothing")
            #expect(!original.sameOutsideBody(as: changed), "a change to '\(field)' went unseen")
            #expect(Self.structureFingerprint(changed) != fingerprint, "a change to '\(field)' left the fingerprint")
            #expect(changed.headerFingerprint == changed.header.fingerprint, "'\(field)' set, the kept hash not renewed")
        }
    }

    @Test func aChangeInsideTheBodyIsNot() {
        let original = Self.article()
        var body = original
        body.bodyHTML = "<p>longer</p>"
        body.sourceSize = 99
        body.sourceHash = 8
        body.bodyLinks = [Markdown.Reference(destination: "a.png", line: 3, isImage: true)]
        body.quoteLines = [14]
        #expect(original.sameOutsideBody(as: body))
        #expect(Self.structureFingerprint(body) == Self.structureFingerprint(original))
        var moved = original
        moved.sourcePath = "Content/b.md"
        #expect(!original.sameOutsideBody(as: moved))
    }

    /// The sample and each changed header, through the cache's encoding and back.
    @Test func everyFieldComesBackFromTheCache() throws {
        var cache = BuildCache(generator: "test", parseSettings: 0, output: "/tmp/out")
        var sent: [Article] = [Self.article()]
        for (number, (_, change)) in Self.changes.enumerated() {
            var article = Self.changed(change)
            article.sourcePath = "Content/changed-\(number).md"
            sent.append(article)
        }
        for article in sent { cache.articles[article.sourcePath] = ArticleParser.Outcome(article: article, diagnostics: []) }
        let (main, buckets) = cache.encoded()
        let read = try CacheCodingTests.decode(main, buckets: buckets)
        for article in sent {
            let back = try #require(read.articles[article.sourcePath]?.article)
            #expect(back.header == article.header)
            // Read off the cache's bytes, not worked out again: it must be the same hash.
            #expect(back.headerFingerprint == article.header.fingerprint)
            #expect(back.quoteLines == article.quoteLines && back.keys == article.keys ?? ArticleKeys(article))
            #expect(back.sourceSize == article.sourceSize && back.sourceHash == article.sourceHash)
        }
    }
}
