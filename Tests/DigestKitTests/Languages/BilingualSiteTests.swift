import Foundation
import Testing

@testable import DigestKit

/// A site in two languages (`languages: [en, zh]`): each language's own pages under its
/// folder, in its words, with a language switcher; built from `Fixtures/bilingual-site`.
@Suite struct BilingualSiteTests {
    /// A copy of the fixture in a temporary site folder.
    static func fixtureSite() throws -> TempSite {
        let site = try TempSite(siteYML: "")
        let fixture = repositoryRoot.appendingPathComponent("Tests/DigestKitTests/Fixtures/bilingual-site")
        try FileManager.default.removeItem(at: site.url("Content"))
        try FileManager.default.copyItem(at: fixture.appendingPathComponent("Content"), to: site.url("Content"))
        try site.write("site.yml", try String(contentsOf: fixture.appendingPathComponent("site.yml"), encoding: .utf8))
        return site
    }

    static let baseURL = "https://example.org/digest/"

    @Test func eachLanguageHasItsOwnPagesFeedsSearchAndNewsletter() throws {
        let site = try Self.fixtureSite()
        defer { site.remove() }
        let summary = try site.build { $0.baseURL = Self.baseURL }
        #expect(summary.warnings.isEmpty, "\(summary.warnings)")
        for file in [
            "zh/index.html", "zh/archive/index.html", "zh/search/index.html", "zh/tags/index.html", "zh/speakers/index.html",
            "zh/weeks/2019-W07/index.html", "zh/weeks/2019-W06/index.html", "zh/days/2019-02-13/index.html", "zh/years/2019/index.html",
            "zh/sections/foreign-ministry/index.html", "zh/tags/贸易/index.html", "zh/speakers/华春莹/index.html",
            "zh/weeks/2019-W07/newsletter.html", "zh/weeks/2019-W07/newsletter.txt", "zh/feed.xml", "zh/sections/economy/feed.xml",
            "zh/search/index-data.js",
            // Article pages keep their addresses, whatever their language.
            "2019/02/13/mfa-dawen/index.html", "2019/02/13/remarks/index.html",
        ] {
            #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent(file).path), "\(file)")
        }
        // English listing pages list English articles only, and the other way round.
        let home = try site.read("index.html")
        let chineseHome = try site.read("zh/index.html")
        #expect(home.hasPrefix("<!doctype html>\n<html lang=\"en\">"))
        #expect(home.contains("Regular press briefing") && !home.contains("外交部发言人答记者问"))
        #expect(chineseHome.hasPrefix("<!doctype html>\n<html lang=\"zh\">"))
        #expect(chineseHome.contains("最新摘要") && chineseHome.contains("外交部发言人答记者问"))
        #expect(!chineseHome.contains("Regular press briefing"))
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("weeks/2019-W06").path), "no English article that week")
        // Its navigation stays in its language's pages, under its section titles.
        #expect(chineseHome.contains("<a href=\"../zh/sections/foreign-ministry/\" dir=\"auto\">外交部</a>"))
        #expect(chineseHome.contains("<a href=\"../zh/archive/\">归档</a>"))
        #expect(home.contains("<a href=\"./sections/foreign-ministry/\" dir=\"auto\">Foreign Ministry</a>"))
        // Feeds, search and newsletter of one language hold its articles.
        let feed = try site.read("zh/feed.xml")
        #expect(feed.contains("xml:lang=\"zh\"") && feed.contains("<id>\(Self.baseURL)zh/feed.xml</id>"))
        #expect(feed.contains("外交部发言人答记者问") && !feed.contains("Regular press briefing"))
        #expect(!(try site.read("feed.xml")).contains("外交部发言人答记者问"))
        #expect(chineseHome.contains("href=\"../zh/feed.xml\""))
        #expect(try site.read("zh/search/index-data.js").contains("\"docs\":2,"))
        #expect(try site.read("search/index-data.js").contains("\"docs\":3,"))
        let search = try site.read("zh/search/index.html")
        #expect(search.contains("data-root=\"../../zh/\"") && search.contains("<script src=\"../../zh/search/index-data.js\">"))
        // Each language's search page speaks it, down to its script's words and week labels.
        try LocalizedSiteTests.expectSearchWords(in: search, found: "{count} 篇匹配文章", none: "没有匹配的文章。")
        try LocalizedSiteTests.expectSearchWords(in: try site.read("search/index.html"), found: "{count} matching articles", none: "No articles match.")
        #expect(try site.read("zh/search/index-data.js").contains(#"["week-2019-W07","2019年第7周"]"#))
        #expect(try site.read("search/index-data.js").contains(#"["week-2019-W07","Week 7, 2019"]"#))
        let documents = try FileManager.default.contentsOfDirectory(atPath: site.output.appendingPathComponent("zh/search/docs").path)
        let texts = try documents.map { try site.read("zh/search/docs/\($0)") }
        #expect(texts.contains { $0.contains("\"u\":\"../2019/02/13/mfa-dawen/\"") }, "addresses from the folder data-root names")
        #expect(try site.read("zh/weeks/2019-W07/newsletter.html").contains("外交部发言人答记者问"))
        #expect(!(try site.read("weeks/2019-W07/newsletter.html")).contains("外交部发言人答记者问"))
        // The sitemap lists every language's pages, paired listing pages with their alternates.
        let sitemap = try site.read("sitemap.xml")
        #expect(sitemap.contains("<loc>\(Self.baseURL)zh/speakers/华春莹/</loc>"))
        #expect(
            sitemap.contains(
                "<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"\(Self.baseURL)sections/economy/\"/><xhtml:link rel=\"alternate\" hreflang=\"zh\" href=\"\(Self.baseURL)zh/sections/economy/\"/>"
            ))
        #expect(try LinkChecker(output: site.output).check().problems.isEmpty)
    }

    @Test func sectionsAndSpeakersHaveTheirNamesPerLanguage() throws {
        let site = try Self.fixtureSite()
        defer { site.remove() }
        try site.build()
        let speaker = try site.read("zh/speakers/华春莹/index.html")
        #expect(speaker.contains("<h1 dir=\"auto\">华春莹</h1>") && speaker.contains("外交部发言人答记者问"))
        #expect(!speaker.contains("Hua Chunying"))
        let english = try site.read("speakers/hua-chunying/index.html")
        #expect(english.contains("<h1 dir=\"auto\">Hua Chunying</h1>") && english.contains("Regular press briefing"))
        #expect(english.contains("We hope both sides will meet each other halfway."))
        // The Chinese article attributes its quote to "Hua Chunying": the same person, on her Chinese page.
        #expect(speaker.contains("我们希望双方相向而行。") && !english.contains("我们希望双方相向而行。"))
        #expect(try site.read("zh/sections/economy/index.html").contains("经济"))
        #expect(
            try site.read("sections/economy/index.html").contains("<h1>Economy</h1>") || (try site.read("sections/economy/index.html")).contains(">Economy<"))
        // The Chinese article names the speaker 华春莹; the English speaker list has no such entry.
        #expect(!(try site.read("speakers/index.html")).contains("华春莹"))
    }

    /// `<ul class="nav languages">` items as (language, link or nil for the current one).
    static func switcher(_ page: String) throws -> [String] {
        let list = try #require(
            page.range(of: "<ul class=\"nav languages\">").flatMap { start in
                page[start.upperBound...].range(of: "</ul>").map { page[start.upperBound..<$0.lowerBound] }
            })
        return list.components(separatedBy: "<li>").dropFirst().map { item in
            if let href = item.range(of: "href=\"") {
                return String(item[href.upperBound...].prefix { $0 != "\"" })
            }
            return "current"
        }
    }

    @Test func theSwitcherLinksTheSamePageInTheOtherLanguageElseItsHome() throws {
        let site = try Self.fixtureSite()
        defer { site.remove() }
        try site.build { $0.baseURL = Self.baseURL }
        let cases: [(page: String, links: [String])] = [
            ("index.html", ["current", "./zh/"]),
            ("zh/index.html", ["../", "current"]),
            ("weeks/2019-W07/index.html", ["current", "../../zh/weeks/2019-W07/"]),
            ("zh/weeks/2019-W06/index.html", ["../../../", "current"]),
            ("days/2019-02-13/index.html", ["current", "../../zh/days/2019-02-13/"]),
            ("sections/foreign-ministry/index.html", ["current", "../../zh/sections/foreign-ministry/"]),
            ("speakers/hua-chunying/index.html", ["current", "../../zh/speakers/华春莹/"]),
            ("zh/speakers/华春莹/index.html", ["../../../speakers/hua-chunying/", "current"]),
            ("tags/trade/index.html", ["current", "../../zh/tags/贸易/"]),
            ("tags/visits/index.html", ["current", "../../zh/"]),
            ("2019/02/13/remarks/index.html", ["current", "../../../../2019/02/13/mfa-dawen/"]),
            ("2019/02/13/mfa-dawen/index.html", ["../../../../2019/02/13/remarks/", "current"]),
            ("2019/02/14/briefing/index.html", ["current", "../../../../zh/"]),
            ("zh/search/index.html", ["../../search/", "current"]),
            ("404.html", ["current", "./zh/"]),
        ]
        for (page, links) in cases {
            #expect(try Self.switcher(site.read(page)) == links, "\(page)")
        }
        let chineseSection = try site.read("zh/sections/foreign-ministry/index.html")
        #expect(chineseSection.contains("<a href=\"../../../sections/foreign-ministry/\" hreflang=\"en\" lang=\"en\">English</a>"))
        #expect(chineseSection.contains("<strong lang=\"zh\" aria-current=\"page\">中文</strong>"))
        #expect(chineseSection.contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"\(Self.baseURL)sections/foreign-ministry/\">"))
        #expect(try LinkChecker(output: site.output).check().problems.isEmpty)
        // From disk too, where links name index.html.
        try site.write("site.yml", try String(contentsOf: site.url("site.yml"), encoding: .utf8) + "link_index_html: true\n")
        try site.build()
        #expect(try Self.switcher(site.read("zh/index.html")) == ["../index.html", "current"])
        #expect(try LinkChecker(output: site.output).check().problems.isEmpty)
    }

    @Test func aSiteListingOneLanguageIsTheSiteItWasWithout() throws {
        let articles = TranslationTests.pair
        let plain = try TempSite(siteYML: "title: Desk\nlanguage: en\ntimezone: Asia/Shanghai\nbase_url: https://example.org/d/\n", articles: articles)
        let listed = try TempSite(siteYML: "title: Desk\nlanguages: [en]\ntimezone: Asia/Shanghai\nbase_url: https://example.org/d/\n", articles: articles)
        defer {
            plain.remove()
            listed.remove()
        }
        try plain.build()
        try listed.build()
        let (before, after) = (try snapshot(of: plain.output), try snapshot(of: listed.output))
        #expect(before.keys.sorted() == after.keys.sorted())
        #expect(before.keys.filter { before[$0] != after[$0] && $0 != ".digest-output" }.isEmpty)
        #expect(!(try plain.read("index.html")).contains("languages"))
    }

    @Test func twoLanguagesArticlesAtOneAddressAreAnErrorSayingSo() throws {
        let site = try TempSite(
            siteYML: "languages: [en, zh]\ntimezone: Asia/Shanghai\n",
            articles: [
                "a.md": articleText(title: "Remarks", extra: "slug: remarks\n"),
                "b.md": articleText(title: "答记者问", extra: "slug: remarks\nlanguage: zh\n"),
            ])
        defer { site.remove() }
        let failure = #expect(throws: BuildFailure.self) { try site.build() }
        let messages = failure?.diagnostics.map(\.description) ?? []
        #expect(
            messages.contains {
                $0.contains("/2019/02/13/remarks/ is also the address of") && $0.contains("(in en; articles of every language share the site's addresses)")
            }, "\(messages)")
    }

    @Test func anArticleCannotTakeAnotherLanguagesFolder() throws {
        let site = try TempSite(
            siteYML: "languages: [en, zh]\npermalink: /:slug/\n",
            articles: ["a.md": articleText(title: "Zh", extra: "slug: zh\n")])
        defer { site.remove() }
        let failure = #expect(throws: BuildFailure.self) { try site.build() }
        #expect(failure?.diagnostics.contains { $0.message.contains("is inside the folder of the site's zh pages") } == true, "\(failure?.diagnostics ?? [])")
    }
}

extension BilingualSiteTests {
    /// The switcher and the listing pages' `hreflang` links are values of every page's
    /// context: each must have an encoding for the page's fingerprint.
    @Test func everyValueOfEveryPageOfBothLanguagesHasAnEncoding() throws {
        let fixture = repositoryRoot.appendingPathComponent("Tests/DigestKitTests/Fixtures/bilingual-site")
        var config = SiteConfig.load(from: fixture).config
        config.baseURL = Self.baseURL
        let templates = try repositoryTemplates()
        let site = try Pipeline(config: config, templates: templates).index(ContentLoader(siteDirectory: fixture).load()).site
        let renderers = site.editionSites().map { SiteRenderer(site: $0, templates: templates) }
        let jobs = site.pageJobs()
        #expect(Set(jobs.map(\.edition)) == [0, 1])
        #expect(jobs.count == site.pageCount)
        for job in jobs {
            let context = renderers[job.edition].prepare(job).context
            #expect(context["language_links"] != nil, "\(job.file)")
            do {
                try PageFingerprint.check(context)
            } catch {
                Issue.record("\(job.file): \(error)")
            }
        }
    }
}
