import Foundation
import Testing

@testable import DigestKit

/// Builds that use the build cache: after any change to the content, the templates or the
/// settings, the output is byte for byte what a clean build of the same site gives, and files
/// that did not change are not written again.
@Suite struct IncrementalBuildTests {
    static let sections = ["DIPLOMACY", "ECONOMY", "TECHNOLOGY"]
    static let tags = ["trade", "tariffs", "5G", "climate", "网络安全"]
    static let speakers = ["Hua Chunying", "Geng Shuang", "Lu Kang"]

    static func article(_ index: Int, title: String? = nil, day: Int? = nil, body: String? = nil, tags: [String]? = nil) -> String {
        let tags = tags ?? [Self.tags[index % Self.tags.count], Self.tags[(index / 2) % Self.tags.count]]
        return articleText(
            title: "\"\(title ?? "Briefing \(index)")\"",
            date: "\"2019-02-\(dayOfMonth(index, day))T\(10 + index % 8):15:00+08:00\"",
            section: sections[index % sections.count],
            extra: "tags: [\(tags.joined(separator: ", "))]\nspeakers: [\(speakers[index % speakers.count])]\nsummary: Summary \(index).\n",
            body: body ?? "Paragraph of briefing \(index) with ~~struck~~ *words*.\n\n| a | b |\n| - | - |\n| \(index) | x |")
    }

    static func dayOfMonth(_ index: Int, _ day: Int? = nil) -> String {
        let day = day ?? 1 + index % 20
        return day < 10 ? "0\(day)" : "\(day)"
    }

    /// The page folder of `Content/a<index>.md` as `article(index)` writes it: its day, its file's name.
    static func page(_ index: Int) -> String { "2019/02/\(dayOfMonth(index))/a\(index)/" }

    static func makeSite(count: Int = 24) throws -> TempSite {
        var articles: [String: String] = [:]
        for index in 0..<count { articles["a\(index).md"] = article(index) }
        return try TempSite(articles: articles)
    }

    /// A build with the cache, as `digest build` runs it.
    @discardableResult
    static func cachedBuild(_ site: TempSite) throws -> BuildSummary {
        try site.build { $0.useCache = true }
    }

    /// What a clean build of the site as it is now writes (in a folder of its own, no cache).
    static func cleanOutput(_ site: TempSite) throws -> [String: Data] {
        let folder = site.url("clean-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try site.build { $0.outputDirectory = folder }
        return try snapshot(of: folder)
    }

    static func expectSameAsClean(_ site: TempSite, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let incremental = try snapshot(of: site.output)
        let clean = try cleanOutput(site)
        let differing = Set(incremental.keys).union(clean.keys).filter { incremental[$0] != clean[$0] }.sorted()
        #expect(differing.isEmpty, "after \(what), these differ from a clean build: \(differing.prefix(10))", sourceLocation: sourceLocation)
    }

    static func modificationTimes(_ folder: URL) throws -> [String: Date] {
        var times: [String: Date] = [:]
        for path in ContentLoader.walk(folder) {
            times[path] = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(path).path)[.modificationDate] as? Date
        }
        return times
    }

    /// The search document (`search/docs/<id>.js`) of the article titled `title` in `output`.
    static func searchDocument(titled title: String, in output: URL) throws -> String {
        let documents = try snapshot(of: output).filter { $0.key.hasPrefix("search/docs/") }
        guard let found = documents.first(where: { String(decoding: $0.value, as: UTF8.self).contains("\"t\":\"\(title)\"") }) else {
            throw CocoaError(.fileNoSuchFile)
        }
        return found.key
    }

    @Test func aRebuildWithNoChangesParsesAndWritesNothing() throws {
        let site = try Self.makeSite()
        defer { site.remove() }
        let first = try Self.cachedBuild(site)
        #expect(!first.incremental)
        #expect(FileManager.default.fileExists(atPath: BuildCache.url(in: site.root).path))
        let before = try Self.modificationTimes(site.output)

        let second = try Self.cachedBuild(site)
        #expect(second.incremental)
        #expect(second.parsed == 0)
        #expect(second.report.written == 0 && second.report.removed == 0)
        #expect(second.report.unchanged == first.report.written)
        #expect(try Self.modificationTimes(site.output) == before)
        #expect(second.line.contains("incremental: 0 parsed"))
    }

    @Test func editingOneBodyRewritesOnlyThatArticlesFiles() throws {
        let site = try Self.makeSite()
        defer { site.remove() }
        try Self.cachedBuild(site)
        let before = try Self.modificationTimes(site.output)
        try site.write("Content/a5.md", Self.article(5, body: "A new body with a [link](https://example.org)."))

        let summary = try Self.cachedBuild(site)
        #expect(summary.incremental && summary.parsed == 1)
        try Self.expectSameAsClean(site, "a body edit")
        // Lists and feeds do not show bodies: the article's page, its week's newsletter
        // (fingerprinted by its articles' sources), its search document and the search shards
        // of words it gained or lost (and the manifest, which lists the shards) are all that
        // may change.
        let after = try Self.modificationTimes(site.output)
        let rewritten = after.keys.filter { after[$0] != before[$0] }.sorted()
        #expect(rewritten.contains(Self.page(5) + "index.html"))
        let document = try Self.searchDocument(titled: "Briefing 5", in: site.output)
        #expect(rewritten.contains(document))
        let changedWords = Set(SearchTokenizer.terms(in: "Paragraph of briefing 5 with struck words a b 5 x A new body with a link"))
        let shards = Set(changedWords.map { SearchShardKeys.file(SearchShardKeys.baseKey($0)) })
        #expect(rewritten.contains { shards.contains($0) })
        #expect(
            rewritten.allSatisfy {
                $0.hasPrefix(Self.page(5)) || $0.hasSuffix("newsletter.html") || $0.hasSuffix("newsletter.txt")
                    || $0 == document || shards.contains($0) || $0 == SearchIndex.file
            }, "\(rewritten)")
        #expect(try site.read(Self.page(5) + "index.html").contains("A new body with a"))
    }

    @Test func editsAdditionsAndDeletionsMatchACleanBuild() throws {
        let site = try Self.makeSite()
        defer { site.remove() }
        try Self.cachedBuild(site)

        try site.write("Content/a3.md", Self.article(3, title: "Briefing 3 <renamed> & moved", day: 27))
        try Self.cachedBuild(site)
        try Self.expectSameAsClean(site, "a title and date edit")

        try site.write("Content/a7.md", Self.article(7, tags: ["brand new tag", "trade"]))
        try Self.cachedBuild(site)
        try Self.expectSameAsClean(site, "a tag edit")

        try site.write("Content/new.md", Self.article(99, title: "Briefing 3 <renamed> & moved"))
        try Self.cachedBuild(site)
        try Self.expectSameAsClean(site, "an addition with another's title")

        try FileManager.default.removeItem(at: site.url("Content/a3.md"))
        let summary = try Self.cachedBuild(site)
        #expect(summary.report.removed > 0)
        try Self.expectSameAsClean(site, "a deletion")

        try FileManager.default.removeItem(at: site.url("Content/a7.md"))
        try Self.cachedBuild(site)
        try Self.expectSameAsClean(site, "deleting the last article with a tag")
        #expect(
            !FileManager.default.fileExists(atPath: site.output.appendingPathComponent("tags/brand-new-tag").path),
            "the tag's emptied folder is gone")
    }

    @Test func aChangedTemplateRebuildsEveryPageThatUsesIt() throws {
        let site = try Self.makeSite()
        defer { site.remove() }
        try Self.cachedBuild(site)
        let before = try snapshot(of: site.output)

        let item = site.url("Templates/partials/item.mustache")
        try (try String(contentsOf: item, encoding: .utf8)).replacingOccurrences(of: "<li class=\"item\">", with: "<li class=\"item changed\">")
            .write(to: item, atomically: true, encoding: .utf8)
        try Self.cachedBuild(site)
        try Self.expectSameAsClean(site, "an item partial edit")
        let after = try snapshot(of: site.output)
        let lists = after.keys.filter { String(decoding: before[$0] ?? Data(), as: UTF8.self).contains("<li class=\"item\">") }
        #expect(!lists.isEmpty)
        #expect(lists.allSatisfy { String(decoding: after[$0]!, as: UTF8.self).contains("<li class=\"item changed\">") })

        let base = site.url("Templates/base.mustache")
        try (try String(contentsOf: base, encoding: .utf8)).replacingOccurrences(of: "<body>", with: "<body class=\"v2\">")
            .write(to: base, atomically: true, encoding: .utf8)
        try Self.cachedBuild(site)
        try Self.expectSameAsClean(site, "a base layout edit")
        let pages = try snapshot(of: site.output).filter { $0.key.hasSuffix(".html") && !$0.key.hasSuffix("newsletter.html") }
        #expect(pages.values.allSatisfy { String(decoding: $0, as: UTF8.self).contains("<body class=\"v2\">") })
    }

    @Test func changedSettingsMatchACleanBuild() throws {
        let site = try Self.makeSite()
        defer { site.remove() }
        try Self.cachedBuild(site)
        try site.write("site.yml", "title: Renamed Desk\ntimezone: Asia/Shanghai\npaginate: 5\nbase_url: https://example.org/digest/\n")
        try Self.cachedBuild(site)
        try Self.expectSameAsClean(site, "a settings change")
        try site.write("site.yml", "title: Renamed Desk\ntimezone: UTC\npaginate: 5\nbase_url: https://example.org/digest/\n")
        try Self.cachedBuild(site)
        try Self.expectSameAsClean(site, "a time zone change")
        try site.write("Content/a2.md", Self.article(2, body: "Edited with feeds on."))
        try Self.cachedBuild(site)
        try Self.expectSameAsClean(site, "a body edit with feeds")
    }

    @Test func aFileChangedInTheOutputIsWrittenAgain() throws {
        let site = try Self.makeSite()
        defer { site.remove() }
        try Self.cachedBuild(site)
        let page = site.output.appendingPathComponent(Self.page(4) + "index.html")
        let original = try Data(contentsOf: page)
        try Data("tampered".utf8).write(to: page)
        try FileManager.default.removeItem(at: site.output.appendingPathComponent("tags/trade/index.html"))

        let summary = try Self.cachedBuild(site)
        #expect(summary.incremental)
        #expect(try Data(contentsOf: page) == original)
        try Self.expectSameAsClean(site, "tampering with the output")
    }

    /// A rebuild lists the output from the folder stamps it recorded; files someone else put
    /// there (beside pages, or in new folders) still go, as a clean build would have them.
    @Test func filesAddedToTheOutputByOthersGo() throws {
        let site = try Self.makeSite()
        defer { site.remove() }
        try Self.cachedBuild(site)
        for path in [Self.page(4) + "notes.txt", "stray/deeper/page.html", "stray.html"] {
            try site.write("Public/" + path, "not ours")
        }
        try site.write("Content/a3.md", Self.article(3, body: "Edited after others wrote into the output."))
        let summary = try Self.cachedBuild(site)
        #expect(summary.incremental)
        #expect(summary.report.removed == 3)
        try Self.expectSameAsClean(site, "files added to the output")
    }
}
