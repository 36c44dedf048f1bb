import Foundation
import Testing

@testable import DigestKit

/// Rebuilds of a site in two languages with the cache: after each kind of change, the output
/// is byte for byte what a clean build gives (pages, feeds, search indexes and newsletters of
/// both languages, and the switcher's links between them).
@Suite struct BilingualRebuildTests {
    static func site() throws -> TempSite {
        let site = try BilingualSiteTests.fixtureSite()
        let settings = try String(contentsOf: site.url("site.yml"), encoding: .utf8)
        try site.write("site.yml", settings + "base_url: https://example.org/digest/\n")
        return site
    }

    @Test func editsInEitherLanguageMatchACleanBuild() throws {
        let site = try Self.site()
        defer { site.remove() }
        try IncrementalBuildTests.cachedBuild(site)
        let chinese = "Content/2019/02/2019-02-13-答记者问.md"
        let text = try String(contentsOf: site.url(chinese), encoding: .utf8)
        try site.write(chinese, text.replacingOccurrences(of: "贸易谈判将在北京恢复。\n\n>", with: "贸易谈判将在上海恢复。\n\n>"))
        let summary = try IncrementalBuildTests.cachedBuild(site)
        #expect(summary.warnings.isEmpty)
        #expect(try site.read("zh/search/docs/1.js").contains("上海"))
        try IncrementalBuildTests.expectSameAsClean(site, "a Chinese body edit")

        try site.write(
            "Content/2019/02/2019-02-15-新闻.md",
            articleText(
                title: "例行记者会", date: "\"2019-02-15T15:00:00+08:00\"", section: "foreign-ministry",
                extra: "language: zh\nslug: lixing\ntranslation_key: briefing-0214\nspeakers: [Hua Chunying]\n"))
        try IncrementalBuildTests.cachedBuild(site)
        try IncrementalBuildTests.expectSameAsClean(site, "a Chinese article added")
        #expect(try site.read("zh/speakers/华春莹/index.html").contains("例行记者会"), "the English name is the same person")

        let english = "Content/2019/02/2019-02-14-briefing.md"
        let briefing = try String(contentsOf: site.url(english), encoding: .utf8)
        try site.write(english, briefing.replacingOccurrences(of: "tags: [trade, visits]", with: "tags: [trade, visits]\ntranslation_key: briefing-0214"))
        try IncrementalBuildTests.cachedBuild(site)
        try IncrementalBuildTests.expectSameAsClean(site, "a translation linked")
        #expect(try BilingualSiteTests.switcher(site.read("2019/02/14/briefing/index.html")) == ["current", "../../../../2019/02/15/lixing/"])

        let remarks = "Content/2019/02/2019-02-13-remarks.md"
        let remarksText = try String(contentsOf: site.url(remarks), encoding: .utf8)
        try site.write(remarks, remarksText.replacingOccurrences(of: "on trade talks", with: "on the trade talks"))
        try IncrementalBuildTests.cachedBuild(site)
        try IncrementalBuildTests.expectSameAsClean(site, "a translated article retitled")
        #expect(try site.read("2019/02/13/mfa-dawen/index.html").contains("title=\"Spokesperson&#39;s remarks on the trade talks\""))

        try FileManager.default.removeItem(at: site.url("Content/2019/02/2019-02-05-消费.md"))
        try IncrementalBuildTests.cachedBuild(site)
        try IncrementalBuildTests.expectSameAsClean(site, "a Chinese article deleted")
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("zh/weeks/2019-W06").path))
    }

    @Test func settingsChangesMatchACleanBuild() throws {
        let site = try Self.site()
        defer { site.remove() }
        try IncrementalBuildTests.cachedBuild(site)
        let settings = try String(contentsOf: site.url("site.yml"), encoding: .utf8)
        try site.write("site.yml", settings.replacingOccurrences(of: "{zh: 华春莹}", with: "{en: Ms Hua, zh: 华春莹}"))
        try IncrementalBuildTests.cachedBuild(site)
        try IncrementalBuildTests.expectSameAsClean(site, "a speaker's English name changed")
        #expect(try BilingualSiteTests.switcher(site.read("zh/speakers/华春莹/index.html")) == ["../../../speakers/ms-hua/", "current"])

        try site.write("site.yml", settings.replacingOccurrences(of: "languages: [en, zh]", with: "languages: [zh, en]"))
        try IncrementalBuildTests.cachedBuild(site)
        try IncrementalBuildTests.expectSameAsClean(site, "the default language changed")
        // Articles without `language:` are in the default language, now Chinese.
        #expect(try site.read("index.html").hasPrefix("<!doctype html>\n<html lang=\"zh\">"))
        #expect(try site.read("index.html").contains("Regular press briefing"))
        #expect(try site.read("en/index.html").hasPrefix("<!doctype html>\n<html lang=\"en\">"))

        try site.write("site.yml", settings.replacingOccurrences(of: "languages: [en, zh]\n", with: ""))
        try IncrementalBuildTests.cachedBuild(site)
        try IncrementalBuildTests.expectSameAsClean(site, "back to one language")
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("zh").path))
    }
}
