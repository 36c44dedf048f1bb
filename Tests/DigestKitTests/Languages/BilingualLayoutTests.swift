import Foundation
import Testing

@testable import DigestKit

/// The layout of a site in two languages: each language's groups side by side, noted as
/// `Site.Edition` ranges, kept in the build cache with the rest.
@Suite struct BilingualLayoutTests {
    static func pipeline() throws -> Pipeline {
        var config = SiteConfig.parse("languages: [en, zh]\nspeakers:\n  Hua Chunying: {zh: 华春莹}\n").config
        config.timeZone = shanghai()
        return Pipeline(config: config, templates: try repositoryTemplates())
    }

    /// Three English and three Chinese articles (every other one), all quoting Hua Chunying.
    static let sources = (0..<6).map { index in
        LayoutReuseTests.source(index, extra: index % 2 == 1 ? "language: zh\n" : "")
    }

    @Test func eachLanguageHasItsOwnGroupsAsRanges() throws {
        let site = try Self.pipeline().index(ContentSnapshot(sources: Self.sources)).site
        #expect(site.editions.map(\.language) == ["en", "zh"])
        #expect(site.editions.map(\.articles) == [0..<3, 3..<6])
        #expect(site.editions[1].prefix == SitePath(["zh"]))
        let chinese = site.editionSite(1)
        #expect(chinese.articles.allSatisfy { $0.article.language == "zh" })
        #expect(chinese.speakers.map(\.name) == ["华春莹"] && chinese.speakers[0].path == SitePath(["zh", "speakers", "华春莹"]))
        #expect(chinese.speakers[0].quotes.count == 3, "quotes credited to Hua Chunying are 华春莹's in Chinese")
        #expect(chinese.weeks.allSatisfy { $0.path.components.first == "zh" })
        #expect(chinese.days.flatMap(\.articles).sorted() == [0, 1, 2])
        #expect(site.editionSite(0).speakers.map(\.name) == ["Hua Chunying"])
        #expect(site.pageCount == site.pageJobs().count)
        #expect(Set(site.pageJobs().map(\.file)).count == site.pageCount, "no two pages share a file")
    }

    @Test func theLayoutIsWrittenAndReadBackWithItsEditions() throws {
        let indexed = try Self.pipeline().index(ContentSnapshot(sources: Self.sources))
        let (main, buckets) = LayoutReuseTests.cache(of: indexed).encoded()
        let read = try BuildCache(
            decoding: main,
            readBucket: { name in
                guard let bytes = buckets[name] else { throw CacheReader.Damaged() }
                return bytes
            })
        #expect(read.layout?.editions.count == 2)
        #expect(read.layout == indexed.layout)
        // A body edit keeps the layout, editions and all.
        var edited = Self.sources
        edited[1] = LayoutReuseTests.source(1, extra: "language: zh\n", body: "新的正文。\n\n> We oppose it.\n>\n> — Hua Chunying")
        var pipeline = try Self.pipeline()
        pipeline.storedParses = read
        let again = try pipeline.index(ContentSnapshot(sources: edited))
        #expect(again.keptLayout && again.layout == indexed.layout)
    }
}
