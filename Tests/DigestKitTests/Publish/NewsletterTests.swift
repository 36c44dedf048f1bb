import Foundation
import Testing

@testable import DigestKit

@Suite struct NewsletterTests {
    static let base = "https://example.org/desk/"
    static let awkwardTitle = #"Talks <b>resume</b> & "continue""#
    static let longSummary =
        "Tariffs & <quotas> were discussed at length by both delegations, who agreed to meet again in Washington before the end of the month."

    func site(base: String? = NewsletterTests.base) throws -> TempSite {
        // ECONOMY first: the configured order, not the alphabetical one.
        let yml = "title: Desk & Co\ntimezone: Asia/Shanghai\nsections:\n  - ECONOMY\n  - DIPLOMACY\n" + (base.map { "base_url: \($0)\n" } ?? "")
        return try TempSite(
            siteYML: yml,
            articles: [
                "2019-02-13-talks-resume.md": articleText(
                    title: "'\(Self.awkwardTitle)'",
                    extra: "speakers: [Geng Shuang]\nsource: Xinhua\nsummary: \"\(Self.longSummary)\"\n"),
                "b.md": articleText(title: "Trade figures", date: "\"2019-02-14T10:00:00+08:00\"", section: "ECONOMY"),
                "c.md": articleText(title: "Second week", date: "\"2019-02-20T10:00:00+08:00\"", section: "ECONOMY"),
                "draft.md": articleText(title: "Hidden draft", extra: "draft: true\n"),
                "future.md": articleText(title: "Far future", date: "\"2030-06-05T10:00:00+08:00\""),
            ])
    }

    /// Builds the test site, hands it over with the build's summary, and removes it.
    func built(
        base: String? = NewsletterTests.base, drafts: Bool = false,
        _ body: (TempSite, BuildSummary) throws -> Void
    ) throws {
        let site = try site(base: base)
        defer { site.remove() }
        try body(site, try site.build { $0.includeDrafts = drafts })
    }

    func hrefs(_ html: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: #"(?:href|src)\s*=\s*"([^"]*)""#, options: [.caseInsensitive])
        return regex.matches(in: html, range: NSRange(html.startIndex..., in: html)).map {
            String(html[Range($0.range(at: 1), in: html)!])
        }
    }

    @Test func everyWeekGetsBothFilesAndDraftsAndFutureStayOut() throws {
        try built { site, summary in
            #expect(summary.weeks == [ISOWeek(year: 2019, week: 8), ISOWeek(year: 2019, week: 7)])
            for week in summary.weeks {
                let html = try site.read(Newsletter.htmlFile(week))
                let text = try site.read(Newsletter.textFile(week))
                for output in [html, text] {
                    #expect(!output.contains("Hidden draft"))
                    #expect(!output.contains("Far future"))
                }
            }
            #expect(Newsletter.htmlFile(ISOWeek(year: 2019, week: 7)) == "weeks/2019-W07/newsletter.html")
            #expect(Newsletter.textFile(ISOWeek(year: 2019, week: 7)) == "weeks/2019-W07/newsletter.txt")
            #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("weeks/2030-W23").path))
            #expect(try site.read("weeks/2019-W08/newsletter.txt").contains("Second week"))
            #expect(!(try site.read("weeks/2019-W08/newsletter.txt")).contains("Trade figures"))
        }
    }

    @Test func includedDraftsAppearMarked() throws {
        try built(drafts: true) { site, _ in
            let html = try site.read("weeks/2019-W07/newsletter.html")
            #expect(html.contains("Hidden draft"))
            #expect(try site.read("weeks/2019-W07/newsletter.txt").contains("Hidden draft [DRAFT]"))
        }
    }

    @Test func htmlIsSelfContainedWithAbsoluteLinksOnly() throws {
        try built { site, _ in
            let html = try site.read("weeks/2019-W07/newsletter.html")
            #expect(html.hasPrefix("<!DOCTYPE html>"))
            for forbidden in ["<script", "<style", "<link", "class=\""] {
                #expect(!html.lowercased().contains(forbidden), "found \(forbidden)")
            }
            #expect(html.contains("role=\"presentation\""))
            #expect(html.contains("max-width:640px"))
            #expect(html.range(of: #"<p[^>]*></p>"#, options: .regularExpression) == nil, "an empty paragraph (no description is set)")
            let links = hrefs(html)
            #expect(links.count >= 6)
            #expect(links.allSatisfy { $0.hasPrefix(Self.base) }, "relative: \(links.filter { !$0.hasPrefix(Self.base) })")
            #expect(links.contains(Self.base))
            #expect(links.contains(Self.base + "weeks/2019-W07/"))
            #expect(links.contains(Self.base + "speakers/geng-shuang/"))
            #expect(links.contains { $0.hasPrefix(Self.base + "2019/02/13/talks-resume") })
            #expect(html.contains("Week 7, 2019 · 11–17 February 2019"))
            #expect(html.contains("Desk &amp; Co"))
            #expect(html.contains("Xinhua"))
            #expect(html.contains("Wednesday 13 February 2019, 09:15"))
        }
    }

    @Test func titlesAndSummariesAreEscapedInHTML() throws {
        try built { site, _ in
            let html = try site.read("weeks/2019-W07/newsletter.html")
            #expect(html.contains("Talks &lt;b&gt;resume&lt;/b&gt; &amp; &quot;continue&quot;"))
            #expect(!html.contains("<b>"))
            #expect(html.contains("Tariffs &amp; &lt;quotas&gt;"))
            #expect(!html.contains("<quotas>"))
        }
    }

    @Test func sectionsFollowTheConfiguredOrder() throws {
        try built { site, _ in
            for file in ["weeks/2019-W07/newsletter.html", "weeks/2019-W07/newsletter.txt"] {
                let output = try site.read(file)
                let economy = try #require(output.range(of: "ECONOMY"))
                let diplomacy = try #require(output.range(of: "DIPLOMACY"))
                let trade = try #require(output.range(of: "Trade figures"))
                let talks = try #require(output.range(of: "Talks"))
                #expect(economy.lowerBound < trade.lowerBound, "\(file)")
                #expect(trade.lowerBound < diplomacy.lowerBound, "\(file)")
                #expect(diplomacy.lowerBound < talks.lowerBound, "\(file)")
            }
        }
    }

    @Test func plainTextHasEveryTitleAndNoHTML() throws {
        try built { site, _ in
            let text = try site.read("weeks/2019-W07/newsletter.txt")
            #expect(text.hasPrefix("Desk & Co\nWeek 7, 2019 · 11–17 February 2019\n"))
            #expect(text.contains(Self.awkwardTitle + "\n"))
            #expect(text.contains("Trade figures\n"))
            for entity in ["&amp;", "&lt;", "&gt;", "&quot;", "&#"] {
                #expect(!text.contains(entity), "found \(entity)")
            }
            for tag in ["<a ", "href", "<p", "<td", "<br", "<h", "<!", "<html", "{{", "CONTENT_TYPE"] {
                #expect(!text.contains(tag), "found \(tag)")
            }
            #expect(!text.contains("\r"))
            #expect(text.hasSuffix("\n"))
            #expect(text.contains("Wednesday 13 February 2019, 09:15 · Xinhua\n"))
            #expect(text.contains("Quoted: Geng Shuang\n"))
            #expect(text.contains("\n" + Self.base + "2019/02/13/talks-resume/\n"))
            #expect(text.contains(Self.base + "weeks/2019-W07/"))
            // The summary is there word for word, wrapped at 72 columns.
            #expect(!text.contains(Self.longSummary))
            let wrapped = Newsletter.wrap(Self.longSummary, width: 72)
            #expect(text.contains(wrapped + "\n"))
            #expect(wrapped.split(separator: "\n").count == 2)
            #expect(wrapped.split(separator: "\n").allSatisfy { $0.count <= 72 })
            #expect(wrapped.replacingOccurrences(of: "\n", with: " ") == Self.longSummary)
        }
    }

    @Test func wrapKeepsLongWordsWhole() {
        let url = "https://example.org/" + String(repeating: "x", count: 80)
        #expect(Newsletter.wrap("see \(url) now", width: 72) == "see\n\(url)\nnow")
        #expect(Newsletter.wrap("  short   text ", width: 72) == "short text")
        #expect(Newsletter.wrap("", width: 72) == "")
    }

    @Test func withoutBaseURLLinksAreRelativeToTheWeekPageAndResolve() throws {
        try built(base: nil) { site, summary in
            #expect(summary.line.contains("newsletter links are relative"))
            let html = try site.read("weeks/2019-W07/newsletter.html")
            let links = hrefs(html)
            #expect(!links.isEmpty)
            let week = site.output.appendingPathComponent("weeks/2019-W07/", isDirectory: true)
            for link in links {
                #expect(link.hasPrefix("../../"), "\(link)")
                let target = URL(fileURLWithPath: link, relativeTo: week).appendingPathComponent("index.html").standardizedFileURL
                #expect(FileManager.default.fileExists(atPath: target.path), "\(link)")
            }
            #expect(try site.read("weeks/2019-W07/newsletter.txt").contains("\n../../2019/02/13/talks-resume/\n"))
        }
    }

    @Test(arguments: [
        ("2019-W07", 2019, 7), ("2019-w7", 2019, 7), ("2019W07", 2019, 7), (" 2019-W52 ", 2019, 52),
        ("2020-W53", 2020, 53), ("2015-W53", 2015, 53), ("2019-W01", 2019, 1),
    ])
    func weekIDsParse(text: String, year: Int, week: Int) {
        #expect(ISOWeek(id: text) == ISOWeek(year: year, week: week))
    }

    @Test(arguments: [
        "", "2019", "2019-07", "2019-W00", "2019-W53", "2019-W54", "2019-W007", "19-W07", "2019-W7x",
        "2019-W-7", "2019--W07", "W07", "2019-W", "２０１９-W07", "2019-WW07",
    ])
    func malformedWeekIDsAreRejected(text: String) {
        #expect(ISOWeek(id: text) == nil)
    }

    @Test func weeksInYear() {
        #expect(ISOWeek.weeks(in: 2019) == 52)
        #expect(ISOWeek.weeks(in: 2020) == 53)
        #expect(ISOWeek.weeks(in: 2026) == 53)
    }

    /// Wrapping keeps each line's length as it goes; it must break where measuring every line
    /// again would, with wide and combined characters and words longer than the width.
    @Test func wrappingBreaksWhereMeasuringEachLineWould() {
        func measured(_ text: String, width: Int) -> String {
            var lines: [String] = []
            var line = ""
            for word in text.split(whereSeparator: \.isWhitespace) {
                if line.isEmpty {
                    line = String(word)
                } else if line.count + 1 + word.count <= width {
                    line += " " + word
                } else {
                    lines.append(line)
                    line = String(word)
                }
            }
            if !line.isEmpty { lines.append(line) }
            return lines.joined(separator: "\n")
        }
        let words = [
            "a", "tariff", "中国外交部", "é", "e\u{301}", "🇨🇳", "👩‍👩‍👧", "https://example.org/a/very/long/path/that/is/longer/than/the/width/of/a/line/by/far",
            "quotas", "Wang\u{A0}Wenbin", "—",
        ]
        var generator = SeededRandom(seed: 72)
        for width in [1, 5, 12, 72] {
            for _ in 0..<200 {
                let count = Int.random(in: 0...40, using: &generator)
                let text = (0..<count).map { _ in words.randomElement(using: &generator)! }
                    .joined(separator: [" ", "  ", "\n", "\t"].randomElement(using: &generator)!)
                #expect(Newsletter.wrap(text, width: width) == measured(text, width: width))
            }
        }
        // All ASCII, which is wrapped on bytes: every ASCII white space between words.
        let asciiWords = ["a", "tariff", "Q3", "2019", "x-y", "https://example.org/a/long/path/longer/than/a/line/of/text", "~"]
        for width in [1, 5, 12, 72] {
            for _ in 0..<300 {
                let count = Int.random(in: 0...40, using: &generator)
                var text = ""
                for _ in 0..<count {
                    text += ["", " ", "  ", "\n", "\t", "\r\n", "\r", "\u{0B}", "\u{0C}"].randomElement(using: &generator)!
                    text += asciiWords.randomElement(using: &generator)!
                }
                #expect(Newsletter.wrap(text, width: width) == measured(text, width: width), "\(text.debugDescription)")
            }
        }
    }
}
