import Foundation
import Testing

@testable import DigestKit

/// `tags:` in `site.yml`: a tag written differently in each language is one tag, filed under its
/// name in each edition's language whichever spelling an article uses, its pages paired across
/// editions as a speaker's are.
@Suite struct TagNamesTests {
    static let baseURL = BilingualSiteTests.baseURL

    @Test func aTagsPagesInTwoLanguagesLinkToEachOther() throws {
        let site = try BilingualSiteTests.fixtureSite()
        defer { site.remove() }
        let summary = try site.build { $0.baseURL = Self.baseURL }
        #expect(summary.warnings.isEmpty, "\(summary.warnings)")
        let english = try site.read("tags/trade/index.html")
        let chinese = try site.read("zh/tags/贸易/index.html")
        #expect(english.contains("<h1 dir=\"auto\">Trade</h1>") && chinese.contains("<h1 dir=\"auto\">贸易</h1>"))
        #expect(try BilingualSiteTests.switcher(english) == ["current", "../../zh/tags/贸易/"])
        #expect(try BilingualSiteTests.switcher(chinese) == ["../../../tags/trade/", "current"])
        // hreflang both ways, and x-default the default language's page.
        let alternates = [
            "<link rel=\"alternate\" hreflang=\"en\" href=\"\(Self.baseURL)tags/trade/\">",
            "<link rel=\"alternate\" hreflang=\"zh\" href=\"\(Self.baseURL)zh/tags/贸易/\">",
            "<link rel=\"alternate\" hreflang=\"x-default\" href=\"\(Self.baseURL)tags/trade/\">",
        ]
        for page in [english, chinese] {
            #expect(page.contains(alternates.joined(separator: "\n")), "\(alternates)")
        }
        let sitemap = try site.read("sitemap.xml")
        let pair =
            "<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"\(Self.baseURL)tags/trade/\"/><xhtml:link rel=\"alternate\" hreflang=\"zh\" href=\"\(Self.baseURL)zh/tags/贸易/\"/>"
        #expect(sitemap.components(separatedBy: pair).count == 3, "both pages' entries list both")
        // A tag spelled in one language only keeps to its own edition.
        #expect(try BilingualSiteTests.switcher(site.read("tags/visits/index.html")) == ["current", "../../zh/"])
        #expect(try LinkChecker(output: site.output).check().problems.isEmpty)
    }

    static let spellings: [String: String] = [
        "a.md": articleText(title: "Tariffs raised", extra: "slug: tariffs\ntags: [贸易战]\n"),
        "b.md": articleText(title: "关税上调", date: "\"2019-02-14T09:00:00+08:00\"", extra: "slug: guanshui\nlanguage: zh\ntags: [Trade war, 贸易战]\n"),
        "c.md": articleText(title: "WTO ruling", date: "\"2019-02-15T09:00:00+08:00\"", extra: "slug: ruling\ntags: [Trade war, WTO]\n"),
    ]

    @Test func anArticleUsingTheOtherLanguagesSpellingIsFiledUnderTheEditionsName() throws {
        let site = try TempSite(
            siteYML: "languages: [en, zh]\ntimezone: Asia/Shanghai\ntags:\n  Trade war: {zh: 贸易战}\n", articles: Self.spellings)
        defer { site.remove() }
        try site.build()
        let english = try site.read("tags/trade-war/index.html")
        #expect(english.contains("Tariffs raised") && english.contains("WTO ruling") && !english.contains("关税上调"))
        let chinese = try site.read("zh/tags/贸易战/index.html")
        #expect(chinese.contains("关税上调") && !chinese.contains("Tariffs raised"))
        #expect(chinese.components(separatedBy: "关税上调").count == 2, "an article tagged with both spellings is listed once")
        for missing in ["tags/贸易战", "zh/tags/trade-war"] {
            #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent(missing).path), "\(missing)")
        }
        // The article shows the tag under its edition's name, and the search index finds it so.
        let article = try site.read("2019/02/13/tariffs/index.html")
        #expect(article.contains("<a href=\"../../../../tags/trade-war/\" dir=\"auto\">Trade war</a>") && !article.contains(">贸易战<"))
        let chineseArticle = try site.read("2019/02/14/guanshui/index.html")
        #expect(chineseArticle.components(separatedBy: "dir=\"auto\">贸易战</a>").count == 2)
        let documents = try FileManager.default.contentsOfDirectory(atPath: site.output.appendingPathComponent("zh/search/docs").path)
        let texts = try documents.map { try site.read("zh/search/docs/\($0)") }.joined()
        #expect(texts.contains("贸易战") && !texts.contains("Trade war"))
        #expect(try BilingualSiteTests.switcher(site.read("zh/tags/贸易战/index.html")) == ["../../../tags/trade-war/", "current"])
        #expect(try site.read("tags/index.html").components(separatedBy: "tags/trade-war/").count == 2)
        #expect(try LinkChecker(output: site.output).check().problems.isEmpty)
    }

    @Test func aSiteInOneLanguageGathersTwoSpellingsUnderOneTag() throws {
        let site = try TempSite(siteYML: "timezone: Asia/Shanghai\ntags:\n  Trade war: {zh: 贸易战}\n", articles: Self.spellings)
        defer { site.remove() }
        try site.build()
        let page = try site.read("tags/trade-war/index.html")
        for title in ["Tariffs raised", "关税上调", "WTO ruling"] { #expect(page.contains(title), "\(title)") }
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("tags/贸易战").path))
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("tags/wto/index.html").path))
    }

    /// Tag pages' addresses come from their names: a site that does not use `tags:` keeps every
    /// one, whatever order its articles come in.
    @Test func withoutTagsTagPagesKeepTheirAddresses() throws {
        let site = try TempSite(siteYML: "timezone: Asia/Shanghai\n", articles: Self.spellings)
        defer { site.remove() }
        try site.build()
        let tags = try FileManager.default.contentsOfDirectory(atPath: site.output.appendingPathComponent("tags").path)
        #expect(Set(tags) == ["index.html", "trade-war", "贸易战", "wto"])
    }
}

extension TagNamesTests {
    @Test func editingTagsMatchesACleanBuild() throws {
        let site = try BilingualRebuildTests.site()
        defer { site.remove() }
        try IncrementalBuildTests.cachedBuild(site)
        let settings = try String(contentsOf: site.url("site.yml"), encoding: .utf8)
        try site.write("site.yml", settings.replacingOccurrences(of: "Trade: {zh: 贸易}", with: "Trade: {zh: 贸易往来}"))
        try IncrementalBuildTests.cachedBuild(site)
        try IncrementalBuildTests.expectSameAsClean(site, "a tag's Chinese name changed")
        #expect(try BilingualSiteTests.switcher(site.read("zh/tags/贸易/index.html")) == ["../../../", "current"])

        try site.write("site.yml", settings.replacingOccurrences(of: "Trade: {zh: 贸易}", with: "Trade: {en: Trade talks, zh: 贸易}"))
        try IncrementalBuildTests.cachedBuild(site)
        try IncrementalBuildTests.expectSameAsClean(site, "a tag's English name changed")
        #expect(try BilingualSiteTests.switcher(site.read("zh/tags/贸易/index.html")) == ["../../../tags/trade-talks/", "current"])
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("tags/trade").path))

        try site.write("site.yml", settings.replacingOccurrences(of: "tags:\n  Trade: {zh: 贸易}\n  Retail: {zh: 零售}\n", with: ""))
        try IncrementalBuildTests.cachedBuild(site)
        try IncrementalBuildTests.expectSameAsClean(site, "tags: removed")
        #expect(try BilingualSiteTests.switcher(site.read("tags/trade/index.html")) == ["current", "../../zh/"])

        try site.write("site.yml", settings)
        try IncrementalBuildTests.cachedBuild(site)
        try IncrementalBuildTests.expectSameAsClean(site, "tags: added")
        #expect(try BilingualSiteTests.switcher(site.read("tags/trade/index.html")) == ["current", "../../zh/tags/贸易/"])
    }
}
