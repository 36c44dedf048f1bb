import Foundation
import Testing

@testable import DigestKit

/// `updated:` (a date, as `date:`, never before it) and `correction:` (a short Markdown note):
/// the first fields added to `ArticleHeader` alone, so read, cached and fingerprinted with no
/// other change.
@Suite struct UpdatedAndCorrectionTests {
    func parse(_ text: String) throws -> ArticleParser.Outcome {
        var config = SiteConfig()
        config.timeZone = shanghai()
        let document = try FrontMatterSplitter.split(SourceFile(path: "Content/a.md", bytes: Data(text.utf8))).get()
        return ArticleParser(config: config).parse(document)
    }

    @Test func bothAreReadInTheSiteZoneAndAsHTML() throws {
        let outcome = try parse(
            articleText(
                extra: """
                    updated: 2019-02-14 10:30
                    correction: An earlier version named the *wrong* ministry.

                    """))
        #expect(outcome.diagnostics.isEmpty)
        let article = try #require(outcome.article)
        #expect(article.updated?.iso8601 == "2019-02-14T10:30:00+08:00")
        #expect(article.correctionHTML == "<p>An earlier version named the <em>wrong</em> ministry.</p>\n")
    }

    @Test func neitherIsRequired() throws {
        let article = try #require(try parse(articleText()).article)
        #expect(article.updated == nil && article.correctionHTML == nil)
    }

    @Test func aBadUpdatedDateIsAnErrorAtItsPlaceWithAHint() throws {
        let outcome = try parse(articleText(extra: "updated: next Tuesday\n"))
        #expect(outcome.article == nil)
        let diagnostic = try #require(outcome.diagnostics.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.file == "Content/a.md" && diagnostic.line == 5 && diagnostic.column == 1, "\(diagnostic)")
        #expect(diagnostic.message.contains("'next Tuesday'"))
        #expect(diagnostic.hint?.contains("updated:") == true)
    }

    @Test func anUpdateBeforePublicationIsAnError() throws {
        let outcome = try parse(articleText(extra: "updated: \"2019-02-13T09:15:24+08:00\"\n"))
        #expect(outcome.article == nil)
        let diagnostic = try #require(outcome.diagnostics.first)
        #expect(diagnostic.line == 5 && diagnostic.column == 1 && diagnostic.hint != nil, "\(diagnostic)")
        #expect(diagnostic.message.contains("before 'date'"))
        #expect(try parse(articleText(extra: "updated: \"2019-02-13T09:15:25+08:00\"\n")).article != nil)
    }

    /// Both are front matter: adding either changes an article outside its body, so the
    /// site's fingerprint of pages without bodies changes, and a rebuild looks at them again.
    @Test func addingEitherIsAChangeOutsideTheBody() throws {
        let before = try #require(try parse(articleText()).article)
        for extra in ["updated: 2019-02-14 10:30\n", "correction: Fixed a name.\n"] {
            let after = try #require(try parse(articleText(extra: extra)).article)
            #expect(!before.sameOutsideBody(as: after), "\(extra)")
            #expect(ArticleHeaderTests.structureFingerprint(after) != ArticleHeaderTests.structureFingerprint(before))
        }
        let edited = try #require(try parse(articleText(body: "Other body text.")).article)
        #expect(before.sameOutsideBody(as: edited))
    }

    /// A rebuild after `updated:` is added takes the new date from the parse, caches it, and
    /// the next build reads it back from the cache; the output matches a clean build.
    @Test func anAddedUpdateReachesTheCacheAndComesBack() throws {
        let site = try IncrementalBuildTests.makeSite(count: 6)
        defer { site.remove() }
        try IncrementalBuildTests.cachedBuild(site)
        let structure = try #require(BuildCache.load(from: site.root, generator: GeneratorIdentity.current)?.structure)
        try site.write(
            "Content/a2.md",
            IncrementalBuildTests.article(2).replacingOccurrences(
                of: "section:", with: "updated: 2019-03-01 08:00\ncorrection: A *name* was wrong.\nsection:"))
        try IncrementalBuildTests.cachedBuild(site)
        let cache = try #require(BuildCache.load(from: site.root, generator: GeneratorIdentity.current))
        let cached = try #require(cache.articles.first { $0.key.hasSuffix("a2.md") }?.value.article)
        #expect(cached.updated?.iso8601 == "2019-03-01T08:00:00+08:00")
        #expect(cached.correctionHTML == "<p>A <em>name</em> was wrong.</p>\n")
        #expect(cache.structure != structure)
        try IncrementalBuildTests.expectSameAsClean(site, "adding updated: and correction:")
    }
}
