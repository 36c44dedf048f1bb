import Foundation
import Testing

@testable import DigestKit

/// Whole builds whose theme speaks the site's language.
@Suite struct LocalizedSiteTests {
    static let twoArticles = [
        "a.md": articleText(title: "外交部发言人答记者问", extra: "tags: [外交]\nspeakers: [华春莹]\n"),
        "b.md": articleText(title: "中美贸易磋商", date: "\"2019-02-14T10:00:00+08:00\"", section: "ECONOMY", extra: "tags: [外交]\n"),
    ]

    @Test func aChineseSiteHasChineseWordsDatesAndWeeks() throws {
        let site = try TempSite(
            siteYML: "title: 新闻摘要\nlanguage: zh\ntimezone: Asia/Shanghai\nbase_url: https://example.org/digest/\n",
            articles: Self.twoArticles)
        defer { site.remove() }
        let summary = try site.build()
        #expect(summary.warnings.isEmpty, "\(summary.warnings)")
        let home = try site.read("index.html")
        #expect(home.contains("<html lang=\"zh\">"))
        #expect(home.contains(">跳到正文<"))
        #expect(home.contains(">归档<"))
        #expect(home.contains("<p class=\"kicker\">最新摘要</p>"))
        #expect(home.contains("<p class=\"meta\">2019年2月11日至17日 · 2 篇文章</p>"))
        #expect(home.contains("2019年2月13日 星期三, 09:15"))
        #expect(!home.contains("Archive"))
        let week = try site.read("weeks/2019-W07/index.html")
        #expect(week.contains("<title>第7周 · 新闻摘要</title>"))
        #expect(week.contains("<h1>第7周</h1>"))
        let day = try site.read("days/2019-02-13/index.html")
        #expect(day.contains("<h1>2019年2月13日 星期三</h1>"))
        #expect(day.contains("<p class=\"meta\">1 篇文章</p>"))
        let newsletter = try site.read("weeks/2019-W07/newsletter.txt")
        #expect(newsletter.contains("第7周 · 2019年2月11日至17日\n2 篇文章\n"))
        let feed = try site.read("weeks/2019-W07/feed.xml")
        #expect(feed.contains("<title>第7周 · 新闻摘要</title>"))
        #expect(try LinkChecker(output: site.output).check().problems.isEmpty)
        try Self.expectSearchWords(in: try site.read("search/index.html"), found: "{count} 篇匹配文章", none: "没有匹配的文章。")
        #expect(try site.read("search/index-data.js").contains(#"["week-2019-W07","2019年第7周"]"#))
    }

    /// The search page hands its script the words of the page's language, as JSON in
    /// `data-words`, counted ones by plural category.
    static func expectSearchWords(in page: String, found: String, none: String) throws {
        let attribute = try #require(page.firstMatch(of: /data-words="([^"]*)"/)?.1)
        let json = String(attribute).replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
        let words = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((words["found"] as? [String: String])?["other"] == found, "\(words)")
        #expect(words["none"] as? String == none)
        for key in ["searching", "showing", "found_all", "ready", "found_up_to"] { #expect(words[key] != nil, "no '\(key)' in \(words)") }
    }

    @Test func anEnglishSiteCountsInTheSingularForOne() throws {
        let site = try TempSite(articles: Self.twoArticles)
        defer { site.remove() }
        try site.build()
        let day = try site.read("days/2019-02-13/index.html")
        #expect(day.contains("<p class=\"meta\">1 article</p>"))
        let week = try site.read("weeks/2019-W07/index.html")
        #expect(week.contains("<p class=\"meta\">11–17 February 2019 · 2 articles</p>"))
        let speaker = try site.read("speakers/华春莹/index.html")
        #expect(speaker.contains("<p class=\"meta\">1 article · 0 quotes</p>"))
        let speakers = try site.read("speakers/index.html")
        #expect(speakers.contains("<p class=\"meta\">1 person quoted</p>"))
        try Self.expectSearchWords(in: try site.read("search/index.html"), found: "{count} matching articles", none: "No articles match.")
    }

    @Test func aSiteChangesOneStringAndKeepsTheRest() throws {
        let site = try TempSite(articles: Self.twoArticles)
        defer { site.remove() }
        try site.write("Templates/i18n/en.yml", "archive: Past issues\n")
        let summary = try site.build()
        #expect(summary.warnings.isEmpty, "\(summary.warnings)")
        let home = try site.read("index.html")
        #expect(home.contains(">Past issues</a></li>"))
        #expect(home.contains(">Tags</a></li>"))
        #expect(try site.read("archive/index.html").contains("<title>Past issues · Test Desk</title>"))
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("i18n").path), "strings are not output")
    }

    @Test func aSiteAddsALanguageAndIsWarnedOfWhatItLacks() throws {
        let site = try TempSite(siteYML: "title: Дайджест\nlanguage: ru\n", articles: Self.twoArticles)
        defer { site.remove() }
        try site.write(
            "Templates/i18n/ru.yml",
            "archive: Архив\narticle_count:\n  one: \"{count} статья\"\n  few: \"{count} статьи\"\n  many: \"{count} статей\"\n  other: \"{count} статьи\"\n")
        let summary = try site.build()
        let home = try site.read("index.html")
        #expect(home.contains("<html lang=\"ru\">"))
        #expect(home.contains(">Архив<"))
        #expect(home.contains("· 2 статьи</p>"))
        #expect(summary.warnings.contains { $0.message == "no string 'tags' for 'ru': English used" })
    }

    @Test func editingAStringsFileRebuildsThePagesLikeACleanBuild() throws {
        let site = try TempSite(articles: Self.twoArticles)
        defer { site.remove() }
        try site.build()
        try site.write("Templates/i18n/en.yml", "article_count:\n  one: \"{count} story\"\n  other: \"{count} stories\"\nquoted: \"Said:\"\n")
        try site.build()
        let incremental = try snapshot(of: site.output)
        #expect(String(decoding: incremental["days/2019-02-13/index.html"]!, as: UTF8.self).contains("1 story"))
        #expect(String(decoding: incremental["days/2019-02-13/index.html"]!, as: UTF8.self).contains("Said:"))
        #expect(try IncrementalBuildTests.cleanOutput(site) == incremental)
    }
}
