import Foundation
import Testing

@testable import DigestKit

/// Articles with a language of their own, and translations linked to each other.
@Suite struct TranslationTests {
    static let siteYML = "title: Test Desk\ntimezone: Asia/Shanghai\nbase_url: https://example.org/digest/\n"
    static let pair = [
        "en.md": articleText(title: "Spokesperson's remarks", extra: "slug: remarks\ntranslation_key: mfa-0213\n"),
        "zh.md": articleText(
            title: "外交部发言人答记者问", date: "\"2019-02-13T09:20:00+08:00\"",
            extra: "slug: remarks-zh\nlanguage: zh\ntranslation_key: mfa-0213\n"),
        "other.md": articleText(title: "Trade talks", date: "\"2019-02-14T10:00:00+08:00\"", section: "ECONOMY"),
    ]

    /// The page of the article whose slug is `slug`.
    func page(_ site: TempSite, _ slug: String) throws -> String {
        let articles = try FileManager.default.subpathsOfDirectory(atPath: site.output.path)
        let path = try #require(articles.first { $0.hasSuffix("/\(slug)/index.html") })
        return try site.read(path)
    }

    func url(_ site: TempSite, _ slug: String) throws -> String {
        let articles = try FileManager.default.subpathsOfDirectory(atPath: site.output.path)
        let path = try #require(articles.first { $0.hasSuffix("/\(slug)/index.html") })
        return "https://example.org/digest/" + path.dropLast("index.html".count)
    }

    @Test func aTranslatedPairLinksBothWaysWithHreflangAndXDefault() throws {
        let site = try TempSite(siteYML: Self.siteYML, articles: Self.pair)
        defer { site.remove() }
        let summary = try site.build()
        #expect(summary.warnings.isEmpty, "\(summary.warnings)")
        let (english, chinese) = (try url(site, "remarks"), try url(site, "remarks-zh"))
        let alternates = """
            <link rel="alternate" hreflang="zh" href="\(chinese)">
            <link rel="alternate" hreflang="en" href="\(english)">
            <link rel="alternate" hreflang="x-default" href="\(english)">
            """
        let englishPage = try page(site, "remarks")
        let chinesePage = try page(site, "remarks-zh")
        #expect(englishPage.contains(alternates), "\(englishPage)")
        #expect(chinesePage.contains(alternates))
        #expect(
            englishPage.contains(
                "<p class=\"translations\">Also in: <a href=\"../../../../2019/02/13/remarks-zh/\" hreflang=\"zh\" lang=\"zh\" title=\"外交部发言人答记者问\">中文</a></p>")
        )
        #expect(
            chinesePage.contains(
                "<p class=\"translations\">其他语言版本： <a href=\"../../../../2019/02/13/remarks/\" hreflang=\"en\" lang=\"en\" title=\"Spokesperson&#39;s remarks\">English</a></p>"
            ))
        let untranslated = try page(site, "other")
        #expect(!untranslated.contains("hreflang"))
        #expect(!untranslated.contains("class=\"translations\""))
        let sitemap = try site.read("sitemap.xml")
        #expect(sitemap.contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""))
        #expect(
            sitemap.contains(
                "<loc>\(chinese)</loc><lastmod>2019-02-13T09:20:00+08:00</lastmod><xhtml:link rel=\"alternate\" hreflang=\"zh\" href=\"\(chinese)\"/><xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"\(english)\"/><xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"\(english)\"/></url>"
            ))
        #expect(try LinkChecker(output: site.output).check().problems.isEmpty)
    }

    @Test func twoArticlesOfOneLanguageUnderOneKeyAreWarnedOfNamingBoth() throws {
        var articles = Self.pair
        articles["en-again.md"] = articleText(
            title: "Remarks, corrected", date: "\"2019-02-13T11:00:00+08:00\"", extra: "slug: remarks-again\ntranslation_key: mfa-0213\n")
        let site = try TempSite(siteYML: Self.siteYML, articles: articles)
        defer { site.remove() }
        let warnings = try site.build().warnings.map(\.description)
        #expect(
            warnings == [
                "Content/en-again.md: warning: translation_key 'mfa-0213' is also on Content/en.md, in the same language (en) "
                    + "(translations differ in language: give one of the two another translation_key, or the right language:)"
            ], "\(warnings)")
        #expect(SiteChecker(options: site.options()).check().contains { $0.message.hasPrefix("translation_key 'mfa-0213' is also on") })
    }

    @Test func anArticlesPageIsInItsLanguageAndListsMarkIt() throws {
        let site = try TempSite(siteYML: Self.siteYML, articles: Self.pair)
        defer { site.remove() }
        try site.build()
        let chinesePage = try page(site, "remarks-zh")
        #expect(chinesePage.hasPrefix("<!doctype html>\n<html lang=\"zh\">"))
        #expect(chinesePage.contains(">跳到正文<"))
        #expect(chinesePage.contains(">2019年2月13日 星期三</a>, 09:20"))
        #expect(chinesePage.contains(">返回 第7周<"))
        let englishPage = try page(site, "remarks")
        #expect(englishPage.hasPrefix("<!doctype html>\n<html lang=\"en\">"))
        #expect(englishPage.contains(">Skip to content<"))
        let home = try site.read("index.html")
        #expect(home.components(separatedBy: "<article lang=\"zh\" dir=\"ltr\">").count == 2)
        #expect(home.components(separatedBy: "<article>").count == 3, "the two English articles carry no lang")
    }

    @Test func aRightToLeftArticleIsMarkedSo() throws {
        let site = try TempSite(articles: ["ar.md": articleText(title: "مؤتمر صحفي", extra: "slug: presser\nlanguage: ar\n")])
        defer { site.remove() }
        let summary = try site.build()
        #expect(try page(site, "presser").hasPrefix("<!doctype html>\n<html lang=\"ar\" dir=\"rtl\">"))
        #expect(try site.read("index.html").contains("<article lang=\"ar\" dir=\"rtl\">"))
        #expect(try site.read("index.html").hasPrefix("<!doctype html>\n<html lang=\"en\">"))
        #expect(summary.warnings.map(\.message) == ["no strings for the language 'ar': the theme's words are in English"])
    }

    @Test func aLanguageThatIsNoTagIsAnErrorAtItsLine() throws {
        let site = try TempSite(articles: ["a.md": articleText(extra: "language: Chinese please\n")])
        defer { site.remove() }
        #expect(throws: BuildFailure.self) { try site.build() }
        do {
            try site.build()
        } catch let failure as BuildFailure {
            #expect(failure.diagnostics.contains { $0.message == "'Chinese please' is not a language" && $0.line == 5 })
        }
    }

    @Test func linkingATranslationRebuildsLikeACleanBuild() throws {
        var articles = Self.pair
        articles["zh.md"] = articles["zh.md"]!.replacingOccurrences(of: "translation_key: mfa-0213\n", with: "")
        let site = try TempSite(siteYML: Self.siteYML, articles: articles)
        defer { site.remove() }
        try site.build()
        try site.write("Content/zh.md", Self.pair["zh.md"]!)
        try site.build()
        let incremental = try snapshot(of: site.output)
        #expect(String(decoding: try #require(incremental["2019/02/13/remarks/index.html"]), as: UTF8.self).contains("中文"))
        #expect(try IncrementalBuildTests.cleanOutput(site) == incremental)
        // A translation's new title shows on its partner's page; unlinking removes the link.
        try site.write("Content/zh.md", Self.pair["zh.md"]!.replacingOccurrences(of: "外交部发言人答记者问", with: "外交部例行记者会"))
        try site.build()
        #expect(try site.read("2019/02/13/remarks/index.html").contains("title=\"外交部例行记者会\""))
        try IncrementalBuildTests.expectSameAsClean(site, "a translation retitled")
        try site.write("Content/en.md", Self.pair["en.md"]!.replacingOccurrences(of: "translation_key: mfa-0213\n", with: ""))
        try site.build()
        #expect(!(try site.read("2019/02/13/remarks-zh/index.html").contains("hreflang")))
        try IncrementalBuildTests.expectSameAsClean(site, "a translation unlinked")
    }

    /// The site scripts/validate-html also checks with the Nu checker.
    @Test func theLanguagesFixtureBuildsWithEveryLinkResolving() throws {
        let site = try TempSite(siteYML: "")
        defer { site.remove() }
        let fixture = repositoryRoot.appendingPathComponent("Tests/DigestKitTests/Fixtures/languages-site")
        try FileManager.default.removeItem(at: site.url("Content"))
        try FileManager.default.copyItem(at: fixture.appendingPathComponent("Content"), to: site.url("Content"))
        try site.write("site.yml", try String(contentsOf: fixture.appendingPathComponent("site.yml"), encoding: .utf8))
        let summary = try site.build { $0.baseURL = "https://example.org/digest/" }
        #expect(summary.warnings.map(\.message) == ["no strings for the language 'ar': the theme's words are in English"])
        #expect(try site.read("index.html").contains("<html lang=\"zh\">"))
        #expect(try site.read("sitemap.xml").contains("hreflang=\"en\""))
        #expect(try LinkChecker(output: site.output).check().problems.isEmpty)
    }
}
