import Foundation
import Testing

@testable import DigestKit

/// A rebuild keeps the last build's layout only when every article would go where it went:
/// body edits keep it, anything else that moves or groups articles does not.
@Suite struct LayoutReuseTests {
    static func source(_ index: Int, title: String? = nil, extra: String = "", body: String? = nil) -> SourceFile {
        let text = articleText(
            title: title ?? "Briefing \(index)", date: "\"2019-02-\(10 + index)T10:00:00+08:00\"",
            section: index % 2 == 0 ? "DIPLOMACY" : "ECONOMY",
            extra: "tags: [trade, t\(index % 3)]\nspeakers: [Hua Chunying]\n" + extra,
            body: body ?? "Body \(index).\n\n> We oppose it.\n>\n> — Hua Chunying")
        return SourceFile(path: "Content/a\(index).md", bytes: Data(text.utf8))
    }

    static let sources = (0..<6).map { source($0) }

    static func pipeline(sections: [String] = []) throws -> Pipeline {
        var config = SiteConfig()
        config.timeZone = shanghai()
        config.sections = sections.map { .init(id: $0, title: $0.capitalized) }
        return Pipeline(config: config, templates: try repositoryTemplates())
    }

    /// What a build leaves in its cache for the next one to index with, or in a session's
    /// records (`inMemory`).
    static func cache(of indexed: Pipeline.Indexed, inMemory: Bool = false) -> BuildCache {
        var cache = BuildCache(generator: "test", parseSettings: indexed.parseSettings, output: "/out")
        cache.articles = indexed.parsed
        cache.layout = indexed.layout
        cache.layoutKey = indexed.layoutKey
        if inMemory { (cache.inMemory, cache.publishedArticles, cache.articlesDigest) = (true, indexed.published, indexed.articlesDigest) }
        return cache
    }

    /// Indexes `sources` with the cache `before` left; the layout must be the one indexing
    /// afresh gives, kept or not.
    static func reindex(
        _ sources: [SourceFile], after before: [SourceFile], pipeline: Pipeline? = nil, inMemory: Bool = false,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Pipeline.Indexed {
        var pipeline = try pipeline ?? Self.pipeline()
        pipeline.storedParses = cache(of: try Self.pipeline().index(ContentSnapshot(sources: before)), inMemory: inMemory)
        let indexed = try pipeline.index(ContentSnapshot(sources: sources))
        pipeline.storedParses = nil
        let fresh = try pipeline.index(ContentSnapshot(sources: sources))
        #expect(indexed.layout == fresh.layout, sourceLocation: sourceLocation)
        #expect(!fresh.keptLayout, sourceLocation: sourceLocation)
        return indexed
    }

    /// With a cache, and with a session's records (`inMemory`), which skip checking the layout.
    @Test(arguments: [false, true])
    func bodyEditsKeepTheLayoutEvenWhenQuotesMoveDown(inMemory: Bool) throws {
        var edited = Self.sources
        edited[2] = Self.source(2, body: "A longer body.\n\nWith more lines.\n\n> We oppose it.\n>\n> — Hua Chunying")
        let indexed = try Self.reindex(edited, after: Self.sources, inMemory: inMemory)
        #expect(indexed.keptLayout)
        #expect(indexed.site.articles.contains { $0.article.bodyHTML.contains("A longer body.") })
        #expect(try Self.reindex(Self.sources, after: Self.sources, inMemory: inMemory).keptLayout)
    }

    /// A session's records give the digest of the articles they indexed when the articles are
    /// the same, in the same order; any other list has its own worked out.
    @Test func theArticlesDigestIsASessionsOnlyForTheSameArticles() throws {
        let indexed = try Self.pipeline().index(ContentSnapshot(sources: Self.sources))
        var last = Self.cache(of: indexed, inMemory: true)
        #expect(last.articlesDigest == SiteLayout.articlesDigest(indexed.published))
        last.articlesDigest = 12_345
        #expect(Pipeline.articlesDigest(indexed.published, last: last) == 12_345)
        let renamed = try Self.pipeline().index(
            ContentSnapshot(sources: Self.sources.map { SourceFile(path: $0.path.replacingOccurrences(of: "a3", with: "b3"), bytes: $0.bytes) }))
        for other in [Array(indexed.published.reversed()), Array(indexed.published.dropLast()), renamed.published] {
            #expect(Pipeline.articlesDigest(other, last: last) == SiteLayout.articlesDigest(other))
        }
        last.inMemory = false
        #expect(Pipeline.articlesDigest(indexed.published, last: last) == SiteLayout.articlesDigest(indexed.published))
    }

    @Test(arguments: [false, true])
    func changesThatMoveOrRegroupArticlesIndexAfresh(inMemory: Bool) throws {
        let changes: [(String, [SourceFile])] = [
            ("a title", [Self.source(2, title: "Renamed")]),
            ("a tag", [Self.source(2).replacingTags()]),
            ("a summary", [Self.source(2, extra: "summary: In short.\n")]),
            ("a requested slug", [Self.source(2, extra: "slug: own-slug\n")]),
            ("a draft", [Self.source(2, extra: "draft: true\n")]),
            ("a quote's speaker", [Self.source(2, body: "> We oppose it.\n>\n> — Geng Shuang")]),
        ]
        for (what, replacements) in changes {
            var edited = Self.sources
            for replacement in replacements { edited[edited.firstIndex { $0.path == replacement.path }!] = replacement }
            #expect(try !Self.reindex(edited, after: Self.sources, inMemory: inMemory).keptLayout, "after \(what)")
        }
        #expect(try !Self.reindex(Array(Self.sources.dropLast()), after: Self.sources, inMemory: inMemory).keptLayout, "after a removal")
        #expect(try !Self.reindex(Self.sources + [Self.source(9)], after: Self.sources, inMemory: inMemory).keptLayout, "after an addition")
        let reordered = try Self.pipeline(sections: ["ECONOMY", "DIPLOMACY"])
        #expect(try !Self.reindex(Self.sources, after: Self.sources, pipeline: reordered, inMemory: inMemory).keptLayout, "after new settings")
    }

    /// A layout that does not fit the articles (a damaged cache) is not used.
    @Test func aLayoutThatDoesNotFitIsNotUsed() throws {
        var pipeline = try Self.pipeline()
        let indexed = try pipeline.index(ContentSnapshot(sources: Self.sources))
        var cache = Self.cache(of: indexed)
        let layout = try #require(indexed.layout)
        let published = indexed.site.articles.map(\.article)
        #expect(
            layout.fits(
                indexed.site.articles.indices.map { index in
                    published[layout.placements.firstIndex { $0.article == index }!]
                }))
        var damaged = [layout, layout, layout, layout]
        damaged[0].placements[0].article = damaged[0].placements[1].article
        damaged[1].placements[0].tagIndices = [layout.tags.count]
        damaged[2].weeks[0].days = [layout.days.count]
        damaged[3].speakers[0].quotes[0].quote = 7
        for broken in damaged {
            cache.layout = broken
            pipeline.storedParses = cache
            let again = try pipeline.index(ContentSnapshot(sources: Self.sources))
            #expect(!again.keptLayout)
            #expect(again.layout == layout)
        }
    }

    /// The cache keeps no body links; an article taken from it gives them from its body, made
    /// again from the source, as a fresh parse does.
    @Test func aCachedArticlesLinksComeFromItsBody() throws {
        var sources = Self.sources
        sources[1] = Self.source(1, body: "See [the statement](https://example.org/s) and ![map](map.png).")
        var pipeline = try Self.pipeline()
        let fresh = try pipeline.index(ContentSnapshot(sources: sources))
        let (main, buckets) = Self.cache(of: fresh).encoded()
        pipeline.storedParses = try BuildCache(
            decoding: main,
            readBucket: { name in
                guard let bytes = buckets[name] else { throw CacheReader.Damaged() }
                return bytes
            })
        let cached = try pipeline.index(ContentSnapshot(sources: sources))
        #expect(cached.freshlyParsed.isEmpty)
        let links = { (indexed: Pipeline.Indexed) in indexed.site.articles.map(\.article.bodyLinks) }
        #expect(links(cached) == links(fresh))
        #expect(links(fresh).contains { $0.map(\.destination) == ["https://example.org/s", "map.png"] })
    }

    /// Cached and read back, the layout is the same; a cache from before it was kept has none.
    @Test func theLayoutIsWrittenAndReadBack() throws {
        let indexed = try Self.pipeline().index(ContentSnapshot(sources: Self.sources))
        let cache = Self.cache(of: indexed)
        let (main, buckets) = cache.encoded()
        #expect(buckets.keys.filter { BuildCache.isBucketFileName($0, kind: BuildCache.layoutKind) }.count == 1)
        let read = try BuildCache(
            decoding: main,
            readBucket: { name in
                guard let bytes = buckets[name] else { throw CacheReader.Damaged() }
                return bytes
            })
        #expect(read.layout == indexed.layout && read.layoutKey == indexed.layoutKey)
        // A kept layout keeps its file: the save writes none.
        #expect(read.layoutFileName.map(buckets.keys.contains) == true)
        #expect(read.encoded().buckets.keys.allSatisfy { !BuildCache.isBucketFileName($0, kind: BuildCache.layoutKind) })
    }
}

/// A one-edit rebuild counts the site's pages instead of listing them.
@Suite struct PageCountTests {
    @Test(arguments: [1, 2, 20])
    func countingThePagesGivesAsManyAsListingThem(paginate: Int) throws {
        var pipeline = try LayoutReuseTests.pipeline()
        pipeline.config.paginate = paginate
        let site = try pipeline.index(ContentSnapshot(sources: LayoutReuseTests.sources)).site
        #expect(site.pageCount == site.pageJobs().count)
        #expect(Set(site.pageJobs().map(\.file)).count == site.pageCount)
    }
}

/// With the layout kept and the same basis, the structure fingerprint is the last build's, not
/// worked out again; anything else works it out.
@Suite struct StructureReuseTests {
    static func planner(keptLayout: Bool, basisOffset: UInt64) throws -> (RenderPlan.Planner, worked: UInt64) {
        let pipeline = try LayoutReuseTests.pipeline()
        let indexed = try pipeline.index(ContentSnapshot(sources: LayoutReuseTests.sources))
        let seed = pipeline.fingerprintSeed(indexed)
        let basis = Pipeline.structureBasis(indexed.site, seed: seed) &+ basisOffset
        let last = RenderPlan.LastBuild(files: [:], structure: 5, structureBasis: basis, altered: { [] })
        let planner = RenderPlan.Planner(
            site: indexed.site, templates: pipeline.templates, seed: seed, lastBuild: last,
            records: true, keptLayout: keptLayout, freshlyParsed: [], copies: [])
        return (planner, indexed.site.structureFingerprint(seed: seed))
    }

    @Test func aKeptLayoutWithTheSameBasisKeepsTheStructure() throws {
        let (kept, _) = try Self.planner(keptLayout: true, basisOffset: 0)
        #expect(kept.structure().0 == 5)
        for (keptLayout, offset) in [(true, 1 as UInt64), (false, 0)] {
            let (planner, worked) = try Self.planner(keptLayout: keptLayout, basisOffset: offset)
            #expect(planner.structure().0 == worked && worked != 5)
        }
    }

    /// The basis follows the seed and which articles show as scheduled at the build's time.
    @Test func theBasisFollowsTheSeedAndWhatIsScheduled() throws {
        var site = try LayoutReuseTests.pipeline().index(ContentSnapshot(sources: LayoutReuseTests.sources)).site
        let instants = site.articles.map(\.article.date.instant).sorted()
        site.buildInstant = instants[0] - 1
        let allScheduled = Pipeline.structureBasis(site, seed: 1)
        #expect(Pipeline.structureBasis(site, seed: 2) != allScheduled)
        site.buildInstant = instants[2]
        let someScheduled = Pipeline.structureBasis(site, seed: 1)
        site.buildInstant = instants.last!
        let noneScheduled = Pipeline.structureBasis(site, seed: 1)
        #expect(Set([allScheduled, someScheduled, noneScheduled]).count == 3)
        site.buildInstant = instants.last! + 100
        #expect(Pipeline.structureBasis(site, seed: 1) == noneScheduled)
    }
}

private extension SourceFile {
    func replacingTags() -> SourceFile {
        var source = self
        source.bytes = Data(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "tags: [trade,", with: "tags: [tariffs,").utf8)
        return source
    }
}
