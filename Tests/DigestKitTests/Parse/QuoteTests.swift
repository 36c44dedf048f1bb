import Foundation
import Testing

@testable import DigestKit

@Suite struct QuoteTests {
    @Test func blockquoteWithClosingDashLineIsAttributed() {
        let quotes = Markdown.render(
            """
            Intro.

            > "First paragraph of the quote,
            > still the first."
            >
            > "Second paragraph."
            >
            > — Hua Chunying

            > Unattributed quote.

            > Quote followed by its attribution.

            -- Geng Shuang

            > — Just a dash line alone
            """
        ).quotes
        #expect(
            quotes == [
                AttributedQuote(text: "\"First paragraph of the quote, still the first.\"\n\n\"Second paragraph.\"", speaker: "Hua Chunying", line: 3),
                AttributedQuote(text: "Quote followed by its attribution.", speaker: "Geng Shuang", line: 12),
            ])
    }

    @Test func frontMatterQuotesAndBodyQuotesBothCountAndAddSpeakers() throws {
        let text = articleText(
            extra: """
                speakers: [Wang Yi]
                quotes:
                  - speaker: Lu Kang
                    text: "We oppose it."

                """, body: "> \"Body quote.\"\n>\n> — Wang Yi")
        let document = try FrontMatterSplitter.split(SourceFile(path: "Content/a.md", bytes: Data(text.utf8))).get()
        var config = SiteConfig()
        config.timeZone = shanghai()
        let article = try #require(ArticleParser(config: config).parse(document).article)
        #expect(article.quotes.map(\.speaker) == ["Lu Kang", "Wang Yi"])
        #expect(article.quoteLines == [7, 11])
        #expect(article.speakers == ["Wang Yi", "Lu Kang"])
    }

    @Test func badQuotesEntryNamesItsLine() throws {
        let text = articleText(extra: "quotes:\n  - speaker: Lu Kang\n")
        let document = try FrontMatterSplitter.split(SourceFile(path: "Content/a.md", bytes: Data(text.utf8))).get()
        let outcome = ArticleParser(config: SiteConfig()).parse(document)
        let diagnostic = try #require(outcome.diagnostics.first)
        #expect(diagnostic.line == 6)
        #expect(diagnostic.message.contains("'speaker:' and 'text:'"))
    }

    @Test func quotesAppearOnTheRightSpeakerPageOnlyNewestFirst() throws {
        let site = try TempSite(articles: [
            "old.md": articleText(title: "Old", date: "\"2019-02-11T10:00:00+08:00\"", body: "> \"Old words.\"\n>\n> — Hua Chunying"),
            "new.md": articleText(
                title: "New", date: "\"2019-02-13T10:00:00+08:00\"",
                extra: "speakers: [Geng Shuang]\n", body: "> \"New words.\"\n>\n> — Hua Chunying"),
        ])
        defer { site.remove() }
        try site.build()
        let hua = try site.read("speakers/hua-chunying/index.html")
        let newer = try #require(hua.range(of: "New words."))
        let older = try #require(hua.range(of: "Old words."))
        #expect(newer.lowerBound < older.lowerBound)
        #expect(hua.contains("2 articles · 2 quotes"))
        let geng = try site.read("speakers/geng-shuang/index.html")
        #expect(!geng.contains("words."))
        #expect(geng.contains("1 article · 0 quotes"))
        let index = try site.read("speakers/index.html")
        let activity = try #require(index.range(of: "Most active"))
        let huaPosition = try #require(index.range(of: "Hua Chunying", range: activity.upperBound..<index.endIndex))
        let gengPosition = try #require(index.range(of: "Geng Shuang", range: activity.upperBound..<index.endIndex))
        #expect(huaPosition.lowerBound < gengPosition.lowerBound)
    }
}
