import Foundation
import Testing

@testable import DigestKit

@Suite struct ParseCacheTests {
    func run(_ cache: ParseCache, _ sources: [SourceFile], zone: String = "Asia/Shanghai") throws -> [String: Article] {
        var config = SiteConfig()
        config.timeZone = TimeZone(identifier: zone)!
        var pipeline = Pipeline(config: config, templates: try repositoryTemplates())
        pipeline.parseCache = cache
        let site = try pipeline.index(ContentSnapshot(sources: sources)).site
        return Dictionary(uniqueKeysWithValues: site.articles.map { ($0.article.sourcePath, $0.article) })
    }

    func source(_ path: String, _ text: String) -> SourceFile {
        SourceFile(path: path, bytes: Data(text.utf8))
    }

    @Test func cachedBuildsMatchFreshOnesAfterEditsRemovalsAndSettingChanges() throws {
        let cache = ParseCache()
        let a = source("Content/a.md", articleText(title: "A", date: "\"2019-02-13 23:30\""))
        let b = source("Content/b.md", articleText(title: "B"))
        let first = try run(cache, [a, b])
        #expect(first.count == 2)

        let edited = source("Content/b.md", articleText(title: "B edited"))
        let second = try run(cache, [a, edited])
        #expect(second["Content/b.md"]?.title == "B edited")
        #expect(second["Content/a.md"] == first["Content/a.md"])

        let third = try run(cache, [a])
        #expect(Array(third.keys) == ["Content/a.md"])

        // The zone shapes how a date without offset is read: a new zone must not reuse old parses.
        let utc = try run(cache, [a], zone: "UTC")
        let fresh = try run(ParseCache(), [a], zone: "UTC")
        #expect(utc["Content/a.md"]?.date == fresh["Content/a.md"]?.date)
        #expect(utc["Content/a.md"]?.date != first["Content/a.md"]?.date)
    }
}
