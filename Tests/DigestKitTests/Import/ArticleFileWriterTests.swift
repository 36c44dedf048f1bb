import Foundation
import Testing

@testable import DigestKit

@Suite struct ArticleFileWriterTests {
    let writer = ArticleFileWriter(timeZone: shanghai())

    /// Parses `file` with the build's own splitter and parser, as `digest build` will.
    func parsedBack(_ file: ArticleFile) throws -> ArticleParser.Outcome {
        var config = SiteConfig()
        config.timeZone = shanghai()
        let document = try FrontMatterSplitter.split(SourceFile(path: file.path, bytes: Data(file.text.utf8))).get()
        return ArticleParser(config: config).parse(document)
    }

    func copy(
        title: String? = "Headline", source: String? = "Xinhua", published: String? = "2019/2/13 9:15:25",
        section: String? = "DIPLOMACY", paragraphs: [String] = ["Text."]
    ) -> WireCopy {
        WireCopy(title: title, source: source, published: published, section: section, paragraphs: paragraphs)
    }

    @Test func seedShapeGivesExactlyThisFile() throws {
        let outcome = writer.write(WireCopyParser.parse(try wireFixtureText()), input: "wire.txt")
        #expect(outcome.diagnostics.isEmpty)
        let file = try #require(outcome.file)
        #expect(file.path == "Content/2019/02/2019-02-13-china-urges-relevant-countries-to-stop-tarnishing-china-on-cybersecurity.md")
        #expect(
            file.text == """
                ---
                title: China urges relevant countries to stop tarnishing China on cybersecurity
                date: "2019-02-13T09:15:25+08:00"
                source: Xinhua
                section: DIPLOMACY
                speakers:
                - Hua Chunying
                tags: []
                ---

                China Tuesday urged relevant countries to stop using the excuse of so-called cyber spying and internet hacking to tarnish its image, and to stop actions and words that harm China's interests and bilateral ties.

                Reports alleged that hackers working for China's state security department breached the network of a Norwegian software firm, as part of a global hacking operation aimed at stealing intellectual property and corporate secrets.

                "This is nothing but one of those series of actions by a few countries to tarnish China's image," said Foreign Ministry spokesperson Hua Chunying at a daily news briefing.

                "You must investigate and have sufficient evidence to define the nature of a cybersecurity event. One can not smear others with groundless guesses," Hua said.

                China is a staunch defender of cybersecurity and has always firmly opposed and cracked down on all forms of cyber attacks, she said.

                """)
    }

    @Test func writtenFileParsesBackWithEveryField() throws {
        let file = try #require(writer.write(WireCopyParser.parse(try wireFixtureText()), input: "wire.txt").file)
        let outcome = try parsedBack(file)
        #expect(outcome.diagnostics.isEmpty)
        let article = try #require(outcome.article)
        #expect(article.title == "China urges relevant countries to stop tarnishing China on cybersecurity")
        #expect(article.date.iso8601 == "2019-02-13T09:15:25+08:00")
        #expect(article.date.day == CivilDate(year: 2019, month: 2, day: 13))
        #expect(article.source == "Xinhua")
        #expect(article.section == "DIPLOMACY")
        #expect(article.speakers == ["Hua Chunying"])
        #expect(article.tags.isEmpty)
        #expect(article.summary == nil)
        #expect(article.bodyHTML.components(separatedBy: "<p>").count == 6)
        #expect(article.bodyHTML.contains("<p>&quot;This is nothing but one of those series"))
    }

    @Test(arguments: [
        "Breaking: talks resume", "\"Quoted\" headline", "'Single' quotes", "# not a comment", "- dash first",
        "x: y # z", "true", "null", "2019", "Yes", "@handle", "`tick", "[bracketed]", "{braced}", "*star",
        "&anchor", "!tag", "% percent", "| pipe", "> arrow", "? question", "China 网络安全 🚀 ✓", "Tab\tinside",
    ])
    func awkwardTitlesAndSourcesRoundTrip(text: String) throws {
        let file = try #require(writer.write(copy(title: text, source: text, section: text), input: "w").file)
        let article = try #require(try parsedBack(file).article)
        #expect(article.title == text)
        #expect(article.source == text)
        #expect(article.section == text)
    }

    @Test func missingDateRefusesTheFileAndNeverGuesses() {
        let outcome = writer.write(copy(published: nil), input: "wire/no-date.txt")
        #expect(outcome.file == nil)
        let error = outcome.diagnostics.first { $0.severity == .error }
        #expect(error?.file == "wire/no-date.txt")
        #expect(error?.message.contains("no date") == true)
    }

    @Test func impossibleDateIsAnError() {
        let outcome = writer.write(copy(published: "2019/2/30 9:15:25"), input: "w")
        #expect(outcome.file == nil)
        #expect(outcome.diagnostics.contains { $0.severity == .error && $0.message.contains("not a real day") })
    }

    @Test func missingSectionWritesADraftWithAnEmptySectionUnderATodo() throws {
        let outcome = writer.write(copy(section: nil), input: "w")
        #expect(outcome.diagnostics.isEmpty)
        let file = try #require(outcome.file)
        let lines = file.text.components(separatedBy: "\n")
        let line = try #require(file.missingSectionLine)
        #expect(lines[line - 1] == "section: \"\"")
        #expect(lines[line - 2] == ArticleFrontMatter.missingSectionComment)
        #expect(lines.contains("draft: true"))

        let parsed = try parsedBack(file)
        let article = try #require(parsed.article)
        #expect(article.isDraft)
        #expect(article.section == "")
        #expect(article.title == "Headline")
        #expect(parsed.diagnostics.map(\.severity) == [.warning])
        #expect(parsed.diagnostics.first?.message == "draft without a section: set `section:`")
        #expect(parsed.diagnostics.first?.line == line)
    }

    @Test func givenSectionWinsAndNeedsNoDraft() throws {
        let overriding = ArticleFileWriter(timeZone: shanghai(), section: "WORLD")
        for section in [nil, "DIPLOMACY"] {
            let file = try #require(overriding.write(copy(section: section), input: "w").file)
            #expect(try parsedBack(file).article?.section == "WORLD")
            #expect(try parsedBack(file).article?.isDraft == false)
            #expect(file.missingSectionLine == nil)
        }
    }

    @Test func missingTitleIsAnError() {
        let outcome = writer.write(copy(title: nil), input: "w")
        #expect(outcome.file == nil)
        #expect(outcome.diagnostics.contains { $0.severity == .error && $0.message.contains("no title") })
    }

    @Test func missingSourceIsAWarningAndTheFieldIsLeftOut() throws {
        let outcome = writer.write(copy(source: nil), input: "wire/x.txt")
        let file = try #require(outcome.file)
        #expect(!file.text.contains("source:"))
        #expect(outcome.diagnostics.map(\.severity) == [.warning])
        #expect(outcome.diagnostics.first?.file == "wire/x.txt")
        #expect(outcome.diagnostics.first?.message.contains("no source") == true)
    }

    @Test func publishedTimeIsReadInTheWritersZoneAndDatesTheFile() throws {
        let newYork = ArticleFileWriter(timeZone: TimeZone(identifier: "America/New_York")!)
        let file = try #require(newYork.write(copy(published: "2019/2/13 23:30:00"), input: "w").file)
        #expect(file.text.contains("date: \"2019-02-13T23:30:00-05:00\"\n"))
        #expect(file.path == "Content/2019/02/2019-02-13-headline.md")
    }

    @Test func bodyIsEscapedAndRendersLiterally() throws {
        let paragraphs = ["# 1 priority", "1. first point", "- a dash", "Costs *rose* 5% <b>sharply</b> [sic]"]
        let file = try #require(writer.write(copy(paragraphs: paragraphs), input: "w").file)
        let html = try #require(try parsedBack(file).article).bodyHTML
        #expect(html == "<p># 1 priority</p>\n<p>1. first point</p>\n<p>- a dash</p>\n<p>Costs *rose* 5% &lt;b&gt;sharply&lt;/b&gt; [sic]</p>\n")
    }

    @Test func titleWithoutLettersGetsAFallbackFileName() throws {
        let file = try #require(writer.write(copy(title: "!!!"), input: "w").file)
        #expect(file.path == "Content/2019/02/2019-02-13-article.md")
    }

    @Test func siteZoneComesFromSiteYMLOrTheOption() throws {
        let site = try TempSite(siteYML: "timezone: Asia/Shanghai\n")
        defer { site.remove() }
        let fromSite = ArticleFileWriter.forSite(site.root, timeZoneName: nil, section: " ")
        #expect(fromSite.writer?.timeZone.identifier == "Asia/Shanghai")
        #expect(fromSite.writer?.section == nil)
        #expect(fromSite.diagnostics.isEmpty)

        let fromOption = ArticleFileWriter.forSite(site.root, timeZoneName: "Europe/London", section: "WORLD")
        #expect(fromOption.writer?.timeZone.identifier == "Europe/London")
        #expect(fromOption.writer?.section == "WORLD")

        let unknown = ArticleFileWriter.forSite(site.root, timeZoneName: "Mars/Olympus", section: nil)
        #expect(unknown.writer == nil)
        #expect(unknown.diagnostics.first?.message == "unknown time zone 'Mars/Olympus'")
    }

    @Test func siteWithoutTimeZoneWarnsThatUTCIsUsed() throws {
        let site = try TempSite(siteYML: "title: Desk\n")
        defer { site.remove() }
        let result = ArticleFileWriter.forSite(site.root, timeZoneName: nil, section: nil)
        #expect(result.writer?.timeZone.secondsFromGMT() == 0)
        #expect(result.diagnostics.map(\.severity) == [.warning])
        #expect(result.diagnostics.first?.message.contains("UTC") == true)
    }
}
