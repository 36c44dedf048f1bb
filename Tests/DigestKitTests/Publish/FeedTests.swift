import Foundation
import Testing

@testable import DigestKit

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite struct FeedTests {
    func site(base: String? = "https://example.org/desk/") throws -> TempSite {
        let yml = "title: Desk & Co\ntimezone: Asia/Shanghai\n" + (base.map { "base_url: \($0)\n" } ?? "")
        return try TempSite(
            siteYML: yml,
            articles: [
                "2019-02-13-talks-resume.md": articleText(
                    title: "'Talks <resume> & continue'", extra: "tags: [trade]\nspeakers: [Geng Shuang]\nsummary: Short summary\nsource: Xinhua\n",
                    body: "Body with ![chart](chart.svg) and [link](https://example.com)."),
                "chart.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
                "2019-02-20-second.md": articleText(title: "Second", date: "\"2019-02-20T10:00:00+08:00\"", section: "ECONOMY", extra: "tags: [trade]\n"),
                "draft.md": articleText(title: "Hidden draft", extra: "draft: true\ntags: [trade]\n"),
            ])
    }

    func xml(_ site: TempSite, _ path: String) throws -> XMLDocument {
        try XMLDocument(data: Data(contentsOf: site.output.appendingPathComponent(path)))
    }

    func strings(_ document: XMLDocument, _ xpath: String) throws -> [String] {
        try document.nodes(forXPath: xpath).compactMap(\.stringValue)
    }

    @Test func siteFeedIsValidAtomWithAbsoluteLinksAndNoDrafts() throws {
        let site = try site()
        defer { site.remove() }
        try site.build()
        let feed = try xml(site, "feed.xml")
        #expect(try strings(feed, "/*[local-name()='feed']/*[local-name()='title']") == ["Desk & Co"])
        #expect(try strings(feed, "/*[local-name()='feed']/*[local-name()='id']") == ["https://example.org/desk/feed.xml"])
        let titles = try strings(feed, "//*[local-name()='entry']/*[local-name()='title']")
        #expect(titles == ["Second", "Talks <resume> & continue"])
        let ids = try strings(feed, "//*[local-name()='entry']/*[local-name()='id']")
        // Tag URIs from the host, the first-published day and the file's name: no address in them.
        #expect(ids == ["tag:example.org,2019-02-20:2019-02-20-second", "tag:example.org,2019-02-13:2019-02-13-talks-resume"])
        #expect(try strings(feed, "//*[local-name()='entry']/*[local-name()='updated']").count == 2)
        let content = try strings(feed, "//*[local-name()='entry']/*[local-name()='content']")
        #expect(content.contains { $0.contains("<img src=\"chart.svg\"") })
        let raw = try String(contentsOf: site.output.appendingPathComponent("feed.xml"), encoding: .utf8)
        #expect(raw.contains("xml:base=\"https://example.org/desk/2019/02/13/talks-resume/\""))
        #expect(!raw.contains("Hidden draft"))
    }

    @Test func sectionTagSpeakerAndWeekFeedsHoldTheirEntries() throws {
        let site = try site()
        defer { site.remove() }
        try site.build()
        let tag = try strings(xml(site, "tags/trade/feed.xml"), "//*[local-name()='entry']/*[local-name()='title']")
        #expect(tag.count == 2)
        let speaker = try strings(xml(site, "speakers/geng-shuang/feed.xml"), "//*[local-name()='entry']/*[local-name()='title']")
        #expect(speaker == ["Talks <resume> & continue"])
        let section = try strings(xml(site, "sections/economy/feed.xml"), "//*[local-name()='entry']/*[local-name()='title']")
        #expect(section == ["Second"])
        let week = try strings(xml(site, "weeks/2019-W07/feed.xml"), "//*[local-name()='entry']/*[local-name()='title']")
        #expect(week == ["Talks <resume> & continue"])
        let page = try site.read("tags/trade/index.html")
        #expect(page.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"trade\" href=\"../../tags/trade/feed.xml\">"))
    }

    @Test func sitemapListsEveryPageAndRobotsPointsToIt() throws {
        let site = try site()
        defer { site.remove() }
        try site.build()
        let locations = try strings(xml(site, "sitemap.xml"), "//*[local-name()='loc']")
        let pages = try FileManager.default.subpathsOfDirectory(atPath: site.output.path)
            .filter { $0.hasSuffix("index.html") }
            .map { "https://example.org/desk/" + String($0.dropLast("index.html".count)) }
        #expect(Set(locations) == Set(pages))
        #expect(locations.count == pages.count)
        #expect(try site.read("robots.txt").contains("Sitemap: https://example.org/desk/sitemap.xml"))
    }

    @Test func withABaseURLPagesHaveCanonicalAndShareMetadata() throws {
        let site = try site()
        defer { site.remove() }
        try site.build()
        let page = try site.read("2019/02/13/talks-resume/index.html")
        #expect(page.contains("<link rel=\"canonical\" href=\"https://example.org/desk/2019/02/13/talks-resume/\">"))
        #expect(page.contains("<meta property=\"og:title\" content=\"Talks &lt;resume&gt; &amp; continue\">"))
        #expect(page.contains("<meta property=\"og:description\" content=\"Short summary\">"))
        #expect(page.contains("<meta property=\"article:section\" content=\"DIPLOMACY\">"))
        #expect(page.contains("<meta property=\"article:published_time\" content=\"2019-02-13T09:15:25+08:00\">"))
        #expect(page.contains("<meta name=\"twitter:card\" content=\"summary\">"))
    }

    /// Other pages get share metadata without article fields, even where the page has a value
    /// of the same name (a section page's `section`) for the template to fall back on.
    @Test func pagesOtherThanArticlesHaveNoArticleShareFields() throws {
        let site = try site()
        defer { site.remove() }
        try site.build()
        let paths = try FileManager.default.subpathsOfDirectory(atPath: site.output.path)
            .filter { $0.hasSuffix("index.html") && !$0.hasPrefix("2019/") }
        #expect(paths.contains("sections/diplomacy/index.html"))
        for path in paths {
            let page = try site.read(path)
            #expect(page.contains("<meta property=\"og:type\" content=\"website\">"), "\(path)")
            #expect(!page.contains("article:"), "\(path)")
        }
    }

    @Test func withoutABaseURLTheBuildSucceedsAndSaysWhatIsOff() throws {
        let site = try site(base: nil)
        defer { site.remove() }
        let summary = try site.build()
        #expect(summary.line.contains("no base_url: feeds, sitemap and canonical links are off"))
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("feed.xml").path))
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("sitemap.xml").path))
        #expect(!(try site.read("index.html").contains("rel=\"canonical\"")))
        #expect(try site.read("robots.txt") == "User-agent: *\nAllow: /\n")
    }

    @Test func baseURLFromTheCommandLineOverridesSiteYML() throws {
        let site = try site(base: nil)
        defer { site.remove() }
        try site.build { $0.baseURL = "https://mirror.example.net/x" }
        #expect(try site.read("feed.xml").contains("<id>https://mirror.example.net/x/feed.xml</id>"))
    }
}
