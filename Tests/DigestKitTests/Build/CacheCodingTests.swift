import Foundation
import Testing

@testable import DigestKit

/// The build cache's own format: what is written is read back, and damage is refused.
@Suite struct CacheCodingTests {
    static func stamp(_ seed: Int) -> FileStamp {
        FileStamp(
            size: seed, seconds: 1_700_000_000 + seed, nanoseconds: seed * 7, inode: UInt64(seed * 13),
            changeSeconds: 1_700_000_001 + seed, changeNanoseconds: seed * 11)
    }

    static func cache() throws -> BuildCache {
        var cache = BuildCache(generator: "test", parseSettings: 42, output: "/tmp/out")
        for index in 0..<40 {
            let path = "Content/\(index).md"
            var article = Article(
                sourcePath: path, title: "Title \(index) · 中文",
                date: try ArticleDateParser.parse(
                    "2019-02-13T09:00:00+08:00", in: shanghai()), section: "DIPLOMACY", tags: ["trade", "t\(index % 3)"],
                speakers: ["Wang Wenbin"], source: index % 2 == 0 ? "Xinhua" : nil, summary: "Summary \(index)")
            if index % 3 == 0 {
                article.updated = try ArticleDateParser.parse("2019-02-14 10:\(10 + index)", in: shanghai())
                article.correctionHTML = "<p>Correction \(index).</p>\n"
            }
            article.sourceSize = index * 100
            article.sourceHash = UInt64(index) &* 0x9E37_79B9
            article.keys = ArticleKeys(article)
            cache.articles[path] = ArticleParser.Outcome(
                article: article,
                diagnostics: [
                    .warning(file: path, message: "a warning", hint: "a hint")
                ])
            cache.sourceStamps[path] = stamp(index)
            cache.files["articles/a\(index)/index.html"] = .init(fingerprint: UInt64(index) * 31, stamp: stamp(index + 1))
            cache.folders["articles/a\(index)"] = stamp(index + 2)
        }
        cache.folders[""] = stamp(99)
        cache.structure = 0xABCD
        cache.sourcesStatedAtSeconds = 1_700_000_500
        cache.foldersStatedAtNanoseconds = 1_700_000_600_000_000_000
        return cache
    }

    static func decode(_ main: [UInt8], buckets: [String: [UInt8]]) throws -> BuildCache {
        try BuildCache(
            decoding: main,
            readBucket: { name in
                guard let bytes = buckets[name] else { throw CacheReader.Damaged() }
                return bytes
            })
    }

    @Test func whatIsWrittenIsReadBack() throws {
        let cache = try Self.cache()
        let (main, buckets) = cache.encoded()
        let read = try Self.decode(main, buckets: buckets)
        #expect(read.generator == cache.generator && read.parseSettings == cache.parseSettings && read.output == cache.output)
        #expect(read.files == cache.files)
        #expect(read.folders == cache.folders)
        #expect(read.sourceStamps == cache.sourceStamps)
        #expect(read.structure == cache.structure)
        #expect(read.sourcesStatedAtSeconds == cache.sourcesStatedAtSeconds && read.foldersStatedAtNanoseconds == cache.foldersStatedAtNanoseconds)
        #expect(read.articles.count == cache.articles.count)
        for (path, outcome) in cache.articles {
            #expect(read.articles[path]?.article == outcome.article)
            #expect(read.articles[path]?.diagnostics == outcome.diagnostics)
        }
    }

    /// The table of source stamps a build encodes from its sources reads back as the table a
    /// cache encodes from its dictionary; a source without a stamp is left out of both.
    @Test func sourceStampsEncodedFromTheSourcesReadBackTheSame() throws {
        var cache = try Self.cache()
        // Sources stated just after half of them changed: those are not to be trusted.
        cache.sourcesStatedAtSeconds = 1_700_000_022
        var sources = cache.sourceStamps.map { path, stamp in
            var source = SourceFile(path: path, bytes: Data())
            source.stamp = stamp
            return source
        }
        sources.append(SourceFile(path: "Content/unstamped.md", bytes: Data()))
        cache.sourceStampsTable = BuildCache.stampTable(of: sources)
        let (main, buckets) = cache.encoded()
        let read = try Self.decode(main, buckets: buckets)
        #expect(read.sourceStamps == cache.sourceStamps)
        // Trusted: stamped two seconds or more before the build that recorded it looked.
        let before = read.sourcesStatedAtSeconds - 2
        let trusted = cache.sourceStamps.filter { read.trusts($0.key, stamp: $0.value) }
        #expect(trusted.count > 0 && trusted.count < cache.sourceStamps.count)
        for (path, stamp) in cache.sourceStamps {
            #expect(read.trusts(path, stamp: stamp) == (stamp.seconds < before && stamp.changeSeconds < before))
        }
        #expect(!read.trusts("Content/0.md", stamp: Self.stamp(1)))
    }

    /// A main file cut anywhere, or with a part's length changed, is damage: the build then
    /// starts afresh instead of trusting half a table.
    @Test func aCutOrAlteredMainFileIsRefused() throws {
        let (main, buckets) = try Self.cache().encoded()
        for cut in stride(from: 0, to: main.count, by: max(1, main.count / 97)) {
            #expect(throws: (any Error).self) { try Self.decode(Array(main.prefix(cut)), buckets: buckets) }
        }
        #expect(throws: (any Error).self) { try Self.decode(main + [0], buckets: buckets) }
        // Every eight-byte word made huge in turn. A length or count then points past the end
        // and is refused; other words (text, stamps, fingerprints) change values only, so what
        // is read still holds every table entry: damage never drops or invents entries.
        let cache = try Self.cache()
        var refused = 0
        for offset in stride(from: 0, to: main.count - 8, by: 8) {
            var altered = main
            for byte in 0..<8 { altered[offset + byte] = 0x7F }
            guard let read = try? Self.decode(altered, buckets: buckets) else {
                refused += 1
                continue
            }
            #expect(
                read.files.count == cache.files.count && read.folders.count == cache.folders.count
                    && read.sourceStamps.count == cache.sourceStamps.count && read.articles.count == cache.articles.count,
                "word at \(offset)")
        }
        #expect(refused > 0)
    }
}
