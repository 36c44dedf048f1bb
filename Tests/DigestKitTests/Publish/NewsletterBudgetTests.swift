import Foundation
import Testing

@testable import DigestKit

/// A busy week's newsletter stays under `newsletter.max_bytes` (Gmail clips past about 102 KB),
/// listing the leading articles of each section and linking the rest on the week page.
@Suite struct NewsletterBudgetTests {
    static let base = "https://example.org/desk/"
    /// 350 articles in ISO week 2019-W07, in sections of very different sizes.
    static let sectionSizes = [("DIPLOMACY", "Diplomacy", 200), ("ECONOMY", "Economy", 110), ("TECHNOLOGY", "Technology", 40)]
    static let summary =
        "Delegations from both sides met again on Wednesday & agreed to keep talking about tariffs, quotas, export controls and the next round of talks before the end of the month."

    static func busyWeek(newsletter: String = "") -> [String: String] {
        var articles: [String: String] = [:]
        var number = 0
        for (id, name, size) in sectionSizes {
            for index in 0..<size {
                number += 1
                let day = 11 + index % 7
                let clock = "\(10 + index % 10):\(index / 10 < 10 ? "0" : "")\(index / 10):00"
                articles["\(id)-\(index).md"] = articleText(
                    title: "\"\(name) story \(index)\"", date: "\"2019-02-\(day)T\(clock)+08:00\"", section: id,
                    extra: "source: Xinhua\nspeakers: [Hua Chunying]\nsummary: \"\(summary) (\(number))\"\n")
            }
        }
        return articles
    }

    static func siteYML(_ newsletter: String = "") -> String {
        "title: Desk\ntimezone: Asia/Shanghai\nbase_url: \(base)\nsections:\n  - id: DIPLOMACY\n    title: Diplomacy\n  - id: ECONOMY\n    title: Economy\n  - id: TECHNOLOGY\n    title: Technology\n"
            + newsletter
    }

    /// The newsletter of a busy week built with `newsletter` added to site.yml: HTML, text.
    static func busyNewsletter(_ newsletter: String = "") throws -> (html: String, text: String) {
        let site = try TempSite(siteYML: siteYML(newsletter), articles: busyWeek())
        defer { site.remove() }
        try site.build()
        return (try site.read("weeks/2019-W07/newsletter.html"), try site.read("weeks/2019-W07/newsletter.txt"))
    }

    /// How many times `text` occurs in `output`.
    static func occurrences(_ text: String, in output: String) -> Int {
        output.components(separatedBy: text).count - 1
    }

    /// Titles of a section's articles in `output`, each ended as the template ends it.
    static func listed(_ name: String, in output: String, ending: String) -> Int {
        let regex = try! NSRegularExpression(pattern: "\(name) story \\d+" + NSRegularExpression.escapedPattern(for: ending))
        return regex.numberOfMatches(in: output, range: NSRange(output.startIndex..., in: output))
    }

    @Test func aBusyWeekStaysUnderTheLimitAndLinksTheRestOfEachSection() throws {
        let (html, text) = try Self.busyNewsletter()
        #expect(html.utf8.count <= 100_000, "\(html.utf8.count) bytes")
        let leads = Self.listed("Diplomacy", in: html, ending: "</a>")
        #expect(leads > 0 && leads < 40, "\(leads) leading articles")
        for (id, name, size) in Self.sectionSizes {
            #expect(Self.listed(name, in: html, ending: "</a>") == leads, "\(name)")
            let more = "\(size - leads) more in \(name)"
            let link = Self.base + "weeks/2019-W07/#section-\(id.lowercased())"
            #expect(html.contains("<a href=\"\(link)\" style=\"color:#8a2b1f; font-weight:bold;\">\(more)</a>"), "\(name)")
            // The text part lists the same articles and the same links.
            #expect(Self.listed(name, in: text, ending: "\n") == leads, "\(name) in the text")
            #expect(text.contains("\n\(more): \(link)\n"), "\(name) in the text")
        }
        #expect(html.hasSuffix("</html>\n"), "the footer is inside the limit")
        #expect(html.contains(Self.base + "weeks/2019-W07/\" style=\"color:#8a2b1f;\">Read Week 7, 2019 on the site"))

        // One more leading article per section would not have fitted: the limit, not a guess, cut it.
        let oneMore = try Self.busyNewsletter("newsletter:\n  max_bytes: 10000000\n  lead_articles: \(leads + 1)\n")
        #expect(oneMore.html.utf8.count > 100_000)
        #expect(Self.listed("Technology", in: oneMore.html, ending: "</a>") == leads + 1)
    }

    @Test func aLowerLimitListsFewerArticles() throws {
        let (html, _) = try Self.busyNewsletter("newsletter:\n  max_bytes: 30000\n")
        #expect(html.utf8.count <= 30_000)
        let (roomy, _) = try Self.busyNewsletter()
        #expect(Self.listed("Economy", in: html, ending: "</a>") < Self.listed("Economy", in: roomy, ending: "</a>"))
    }

    @Test func leadArticlesCapsEverySectionThatIsLonger() throws {
        let site = try TempSite(
            siteYML: Self.siteYML("newsletter:\n  lead_articles: 2\n"),
            articles: [
                "d1.md": articleText(title: "Diplomacy story 1", date: "\"2019-02-11T10:00:00+08:00\""),
                "d2.md": articleText(title: "Diplomacy story 2", date: "\"2019-02-12T10:00:00+08:00\""),
                "d3.md": articleText(title: "Diplomacy story 3", date: "\"2019-02-13T10:00:00+08:00\""),
                "e1.md": articleText(title: "Economy story 1", section: "ECONOMY"),
            ])
        defer { site.remove() }
        try site.build()
        let html = try site.read("weeks/2019-W07/newsletter.html")
        let text = try site.read("weeks/2019-W07/newsletter.txt")
        for output in [html, text] {
            #expect(Self.occurrences("Diplomacy story", in: output) == 2)
            #expect(output.contains("1 more in Diplomacy"))
            #expect(output.contains("Economy story 1"))
            #expect(!output.contains("more in Economy"))
        }
    }

    @Test func aSmallWeekIsListedWholeAndUnchangedByTheLimit() throws {
        let articles = [
            "a.md": articleText(title: "Talks resume", extra: "summary: Both sides met.\n"),
            "b.md": articleText(title: "Trade figures", date: "\"2019-02-14T10:00:00+08:00\"", section: "ECONOMY"),
        ]
        func newsletter(_ settings: String) throws -> (String, String) {
            let site = try TempSite(siteYML: Self.siteYML(settings), articles: articles)
            defer { site.remove() }
            try site.build()
            return (try site.read("weeks/2019-W07/newsletter.html"), try site.read("weeks/2019-W07/newsletter.txt"))
        }
        let byDefault = try newsletter("")
        #expect(try newsletter("newsletter:\n  max_bytes: 10000000\n") == byDefault)
        for output in [byDefault.0, byDefault.1] {
            #expect(output.contains("Talks resume") && output.contains("Trade figures"))
            #expect(!output.contains("more in"))
        }
    }

    @Test func preheaderIsTheLeadSummaryHiddenFromTheReader() throws {
        let site = try TempSite(
            siteYML: Self.siteYML(),
            articles: [
                "later.md": articleText(
                    title: "Later", date: "\"2019-02-15T10:00:00+08:00\"", section: "ECONOMY",
                    extra: "summary: Economy summary.\n"),
                "lead.md": articleText(title: "Lead", extra: "summary: \"Talks <resume> & continue\"\n"),
                "plain.md": articleText(title: "No summary", date: "\"2019-02-14T10:00:00+08:00\""),
            ])
        defer { site.remove() }
        try site.build()
        let html = try site.read("weeks/2019-W07/newsletter.html")
        // Hidden everywhere: by its style, and from Outlook's Word engine, which ignores the style.
        let hidden = "<!--[if !mso]><!--><div style=\"display:none; max-height:0; overflow:hidden;"
        let preheader = try #require(html.range(of: hidden))
        let body = try #require(html.range(of: "<body"))
        let firstTable = try #require(html.range(of: "<table"))
        #expect(body.upperBound < preheader.lowerBound && preheader.upperBound < firstTable.lowerBound)
        let div = String(html[preheader.lowerBound...].prefix { $0 != "\n" })
        // Diplomacy comes first in site.yml; its first article with a summary is the lead.
        #expect(div.hasSuffix(">Talks &lt;resume&gt; &amp; continue</div><!--<![endif]-->"), "\(div)")
    }

    @Test func aWeekWithoutSummariesHasNoPreheader() throws {
        let site = try TempSite(siteYML: Self.siteYML(), articles: ["a.md": articleText()])
        defer { site.remove() }
        try site.build()
        #expect(!(try site.read("weeks/2019-W07/newsletter.html")).contains("display:none"))
    }

    @Test func footerLineKeepsMergeTagsAndIsEscaped() throws {
        let footer = "Unsubscribe: *|UNSUB|* or {{unsubscribe}} · Desk & Co <desk@example.org>"
        let site = try TempSite(siteYML: Self.siteYML("newsletter:\n  footer: '\(footer)'\n"), articles: ["a.md": articleText()])
        defer { site.remove() }
        try site.build()
        let html = try site.read("weeks/2019-W07/newsletter.html")
        #expect(html.contains("<p style=\"margin:6px 0 0 0;\">Unsubscribe: *|UNSUB|* or {{unsubscribe}} · Desk &amp; Co &lt;desk@example.org&gt;</p>"))
        let text = try site.read("weeks/2019-W07/newsletter.txt")
        #expect(text.hasSuffix("\n\(footer)\n"))
    }

    @Test func changedNewsletterSettingsMatchACleanBuild() throws {
        let site = try TempSite(siteYML: Self.siteYML(), articles: Self.busyWeek())
        defer { site.remove() }
        try IncrementalBuildTests.cachedBuild(site)
        try site.write("site.yml", Self.siteYML("newsletter:\n  lead_articles: 3\n  footer: '*|UNSUB|*'\n"))
        try IncrementalBuildTests.cachedBuild(site)
        #expect(try site.read("weeks/2019-W07/newsletter.html").contains("197 more in Diplomacy"))
        try IncrementalBuildTests.expectSameAsClean(site, "setting lead_articles and footer")
        try site.write("site.yml", Self.siteYML("newsletter:\n  max_bytes: 20000\n"))
        try IncrementalBuildTests.cachedBuild(site)
        try IncrementalBuildTests.expectSameAsClean(site, "a lower max_bytes")
        try site.write(
            "Content/DIPLOMACY-0.md",
            articleText(
                title: "\"Diplomacy story 0\"", date: "\"2019-02-17T23:00:00+08:00\"",
                extra: "summary: A new lead summary.\n"))
        try IncrementalBuildTests.cachedBuild(site)
        #expect(try site.read("weeks/2019-W07/newsletter.html").contains(">A new lead summary.</div><!--<![endif]-->"))
        try IncrementalBuildTests.expectSameAsClean(site, "a new lead summary")
    }
}
