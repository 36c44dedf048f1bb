import Foundation
import Testing

@testable import DigestKit

/// Rebuilds after damage, failures and changes outside the content: the cache, the output and
/// copied files.
extension IncrementalBuildTests {
    @Test func aDamagedOrForeignCacheMeansAFullBuildNotAnError() throws {
        let site = try Self.makeSite()
        defer { site.remove() }
        try Self.cachedBuild(site)
        let cache = BuildCache.url(in: site.root)
        let bytes = try Data(contentsOf: cache)
        for damaged in [bytes.prefix(bytes.count / 2), Data("not a cache".utf8), Data()] {
            try damaged.write(to: cache)
            try site.write("Content/a1.md", Self.article(1, body: "Edit \(damaged.count)."))
            let summary = try Self.cachedBuild(site)
            #expect(!summary.incremental)
            #expect(summary.parsed == 24)
            try Self.expectSameAsClean(site, "a damaged cache")
        }
        // A bucket file cut short or changed is noticed by its name (a hash of its bytes).
        try Self.cachedBuild(site)
        let folder = site.url(BuildCache.folderName)
        let buckets = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".bucket") }
        let bucket = folder.appendingPathComponent(try #require(buckets.first))
        try Data(try Data(contentsOf: bucket).dropLast()).write(to: bucket)
        try site.write("Content/a1.md", Self.article(1, body: "Edit after a damaged bucket."))
        let afterBucket = try Self.cachedBuild(site)
        #expect(!afterBucket.incremental && afterBucket.parsed == 24)
        try Self.expectSameAsClean(site, "a damaged bucket")

        // And `--clean` ignores a good cache, but leaves a fresh one.
        let clean = try site.build {
            $0.useCache = true
            $0.clean = true
        }
        #expect(!clean.incremental && clean.parsed == 24)
        #expect(try Self.cachedBuild(site).incremental)
    }

    /// The cache keeps articles in bucket files named by their bytes: an edit rewrites the
    /// edited article's bucket and no other, and the replaced file goes. A body edit keeps the
    /// site's layout file as well.
    @Test func anEditRewritesOneBucketFile() throws {
        let site = try Self.makeSite()
        defer { site.remove() }
        try Self.cachedBuild(site)
        let folder = site.url(BuildCache.folderName)
        func buckets() throws -> Set<String> {
            Set(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".bucket") })
        }
        let before = try buckets()
        try site.write("Content/a5.md", Self.article(5, body: "A new body for the bucket test."))
        #expect(try Self.cachedBuild(site).incremental)
        let after = try buckets()
        #expect(after.subtracting(before).count == 1)
        #expect(before.subtracting(after).count == 1)
        let layouts = before.filter { BuildCache.isBucketFileName($0, kind: BuildCache.layoutKind) }
        #expect(layouts.count == 1 && layouts.isSubset(of: after))
        try Self.expectSameAsClean(site, "an edit that rewrites one bucket")
        // The main file can only name bucket files in the cache folder.
        #expect(after.allSatisfy { BuildCache.isBucketFileName($0) || BuildCache.isBucketFileName($0, kind: BuildCache.layoutKind) })
        #expect(!BuildCache.isBucketFileName("../../../../etc/passwd"))
        #expect(!BuildCache.isBucketFileName("articles-../../../x.bucket"))
    }

    @Test func aBadEditFailsWithoutTouchingTheOutputOrTheCache() throws {
        let site = try Self.makeSite()
        defer { site.remove() }
        try Self.cachedBuild(site)
        let before = try snapshot(of: site.output)
        let cacheBefore = try Data(contentsOf: BuildCache.url(in: site.root))
        try site.write("Content/a1.md", "---\ntitle: [unclosed\n---\nBody\n")
        #expect(throws: BuildFailure.self) { try Self.cachedBuild(site) }
        #expect(try snapshot(of: site.output) == before)
        #expect(try Data(contentsOf: BuildCache.url(in: site.root)) == cacheBefore)
        try site.write("Content/a1.md", Self.article(1, title: "Fixed"))
        #expect(try Self.cachedBuild(site).incremental)
        try Self.expectSameAsClean(site, "fixing a bad edit")
    }

    /// Files unchanged since well before the last build are not even read: the cache trusts
    /// their stamp (size, times, inode). Their bodies are read when a page needs them.
    @Test func unchangedSourcesAreNotReadButTheirBodiesStillRender() throws {
        let site = try Self.makeSite()
        defer { site.remove() }
        try Self.cachedBuild(site)
        // Stamps are trusted only for files older than the build by two seconds or more.
        Thread.sleep(forTimeInterval: 3.2)
        try Self.cachedBuild(site)
        let cache = try #require(BuildCache.load(from: site.root, generator: GeneratorIdentity.current))
        let snapshot = ContentLoader(siteDirectory: site.root).load(trusts: { { cache.trusts($0, stamp: $1) } })
        #expect(snapshot.sources.count == 24)
        #expect(snapshot.sources.allSatisfy { $0.unread && $0.bytes.isEmpty })

        // A template change renders every article page again, from bodies read on demand.
        let article = site.url("Templates/article.mustache")
        try (try String(contentsOf: article, encoding: .utf8)).replacingOccurrences(of: "<div class=\"body\"", with: "<div class=\"body v2\"")
            .write(to: article, atomically: true, encoding: .utf8)
        let summary = try Self.cachedBuild(site)
        #expect(summary.incremental && summary.parsed == 0)
        try Self.expectSameAsClean(site, "a template change with unread sources")
        #expect(try site.read(Self.page(5) + "index.html").contains("Paragraph of briefing 5"))

        // An edit that keeps the size is still seen (the times and change time move).
        let text = Self.article(6)
        try site.write("Content/a6.md", text.replacingOccurrences(of: "briefing 6", with: "briefing X"))
        #expect(try Self.cachedBuild(site).parsed == 1)
        #expect(try site.read(Self.page(6) + "index.html").contains("Paragraph of briefing X"))
        try Self.expectSameAsClean(site, "a same-size edit")
    }

    /// Images beside articles and theme assets are copied again only when their source changed.
    @Test func copiedFilesFollowTheirSources() throws {
        let site = try Self.makeSite()
        defer { site.remove() }
        try site.write("Content/chart.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        try site.write("Content/a2.md", Self.article(2, body: "See ![chart](chart.svg)."))
        try Self.cachedBuild(site)
        let copy = Self.page(2) + "chart.svg"
        let before = try Self.modificationTimes(site.output)
        #expect(before[copy] != nil)

        try site.write("Content/a3.md", Self.article(3, body: "Another body."))
        try Self.cachedBuild(site)
        #expect(try Self.modificationTimes(site.output)[copy] == before[copy])

        try site.write("Content/chart.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect/></svg>")
        let css = site.url("Templates/assets/style.css")
        try (try String(contentsOf: css, encoding: .utf8) + "\n/* changed */\n").write(to: css, atomically: true, encoding: .utf8)
        try Self.cachedBuild(site)
        #expect(try site.read(copy).contains("<rect/>"))
        #expect(try site.read("assets/style.css").hasSuffix("/* changed */\n"))
        try Self.expectSameAsClean(site, "changed copied files")

        try site.write("Content/a2.md", Self.article(2, body: "No picture now."))
        try FileManager.default.removeItem(at: site.url("Content/chart.svg"))
        try Self.cachedBuild(site)
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent(copy).path))
        try Self.expectSameAsClean(site, "a removed image")
    }

    /// Random sequences of edits, additions and deletions (seeded, so a failure repeats).
    @Test(arguments: [1, 2, 3])
    func randomChangesAlwaysMatchACleanBuild(seed: UInt64) throws {
        let site = try Self.makeSite(count: 16)
        defer { site.remove() }
        var random = SeededRandom(seed: seed)
        var present = Set(0..<16)
        try Self.cachedBuild(site)
        for step in 0..<8 {
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let index = Int.random(in: 0..<24, using: &random)
                if present.contains(index), Bool.random(using: &random), present.count > 2 {
                    try FileManager.default.removeItem(at: site.url("Content/a\(index).md"))
                    present.remove(index)
                } else {
                    let day = Bool.random(using: &random) ? Int.random(in: 1...28, using: &random) : nil
                    let title = Bool.random(using: &random) ? "Briefing \(Int.random(in: 0..<6, using: &random))" : nil
                    let tags = Bool.random(using: &random) ? [Self.tags.randomElement(using: &random)!, "step \(step)"] : nil
                    try site.write("Content/a\(index).md", Self.article(index, title: title, day: day, body: "Step \(step).", tags: tags))
                    present.insert(index)
                }
            }
            try Self.cachedBuild(site)
            try Self.expectSameAsClean(site, "step \(step) of seed \(seed)")
        }
    }
}
