import Foundation
import Testing
import Yams

@testable import DigestKit

@Suite struct ArticleParserTests {
    var config: SiteConfig {
        var config = SiteConfig()
        config.timeZone = shanghai()
        return config
    }

    func parse(_ text: String, assets: Set<String> = []) throws -> ArticleParser.Outcome {
        let document = try FrontMatterSplitter.split(SourceFile(path: "Content/a.md", bytes: Data(text.utf8))).get()
        return ArticleParser(config: config, assets: assets).parse(document)
    }

    @Test func sampleArticleParsesEveryField() throws {
        let url = repositoryRoot.appendingPathComponent("Content/2019/02/2019-02-13-china-urges-stop-tarnishing.md")
        let document = try FrontMatterSplitter.split(SourceFile(path: "x.md", bytes: try Data(contentsOf: url))).get()
        let outcome = ArticleParser(config: config).parse(document)
        let article = try #require(outcome.article)
        #expect(article.title == "China urges relevant countries to stop tarnishing China on cybersecurity")
        #expect(article.date.iso8601 == "2019-02-13T09:15:25+08:00")
        #expect(article.section == "DIPLOMACY")
        #expect(article.source == "Xinhua")
        #expect(article.speakers == ["Hua Chunying"])
        #expect(article.tags.contains("WannaCry"))
        #expect(article.summary?.hasPrefix("The Foreign Ministry rejects") == true)
        #expect(article.bodyHTML.contains("<table>"))
        #expect(outcome.diagnostics.isEmpty)
    }

    @Test func unquotedYAMLTimestampKeepsItsOffsetAndLocalDay() throws {
        let outcome = try parse(articleText(date: "2019-02-14T00:30:00+08:00"))
        let article = try #require(outcome.article)
        #expect(article.date.day == CivilDate(year: 2019, month: 2, day: 14))
        #expect(article.date.clock == "00:30")
    }

    /// Articles parse with fewer YAML rules than site.yml (no whole numbers, no merge keys);
    /// what their fields read must not change: numbers stay text, YAML booleans stay booleans.
    @Test func numbersReadAsTextAndYAMLBooleansAsBooleans() throws {
        let text = "---\ntitle: 2019\ndate: 2019-02-13T09:15:25+08:00\nsection: 7\ntags: [1, 0x1F, <<]\ndraft: yes\n---\nBody\n"
        let article = try #require(try parse(text).article)
        #expect(article.title == "2019")
        #expect(article.section == "7")
        #expect(article.tags == ["1", "0x1F", "<<"])
        #expect(article.isDraft)
        let quoted = try parse(text.replacingOccurrences(of: "draft: yes", with: "draft: \"yes\""))
        #expect(quoted.article == nil)
        #expect(quoted.diagnostics.contains { $0.message.contains("'draft' must be true or false") })
    }

    @Test func missingFieldsAreReportedTogetherWithTheirLine() throws {
        let outcome = try parse("---\nsource: Xinhua\n---\nBody\n")
        #expect(outcome.article == nil)
        let messages = outcome.diagnostics.map(\.message)
        #expect(messages.contains { $0.contains("'title' is missing") })
        #expect(messages.contains { $0.contains("'date' is missing") })
        #expect(messages.contains { $0.contains("'section' is missing") })
        #expect(outcome.diagnostics.allSatisfy { $0.file == "Content/a.md" && $0.line == 2 })
    }

    @Test func wrongTypeNamesFieldAndLine() throws {
        let outcome = try parse(articleText(extra: "tags:\n  nested: map\n"))
        let diagnostic = try #require(outcome.diagnostics.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.line == 5)
        #expect(diagnostic.message.contains("'tags'"))
    }

    @Test func invalidDateNamesValueAndLine() throws {
        let outcome = try parse(articleText(date: "\"2019/2/30 25:61:00\""))
        let diagnostic = try #require(outcome.diagnostics.first)
        #expect(diagnostic.line == 3)
        #expect(diagnostic.message.contains("2019/2/30 25:61:00"))
        #expect(outcome.article == nil)
    }

    @Test func yamlSyntaxErrorCarriesFileLineAndColumn() throws {
        let outcome = try parse("---\ntitle: A\ndate: \"2019-02-13\nsection: X\n---\nBody\n")
        let diagnostic = try #require(outcome.diagnostics.first)
        #expect(diagnostic.message.contains("YAML syntax error"))
        #expect(diagnostic.line != nil && diagnostic.line! >= 3)
        #expect(diagnostic.column != nil)
    }

    @Test func unknownFieldIsAWarningWithItsLine() throws {
        let outcome = try parse(articleText(extra: "autor: Someone\n"))
        #expect(outcome.article != nil)
        let warning = try #require(outcome.diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.line == 5)
        #expect(warning.message.contains("autor"))
    }

    @Test func singleTagIsAListOfOneAndDuplicatesCollapse() throws {
        let outcome = try parse(articleText(extra: "tags: trade\nspeakers: [Geng Shuang, ' geng  shuang ']\n"))
        let article = try #require(outcome.article)
        #expect(article.tags == ["trade"])
        #expect(article.speakers == ["Geng Shuang"])
    }

    @Test func missingLocalImageIsAWarningWithBodyLine() throws {
        let outcome = try parse(
            articleText(body: "Intro\n\n![Chart](chart.png)\n\n[PDF](brief.pdf)"),
            assets: ["Content/brief.pdf"])
        let article = try #require(outcome.article)
        #expect(article.assets == ["Content/brief.pdf"])
        let warning = try #require(outcome.diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.line == 9)
        #expect(warning.message.contains("chart.png"))
    }

    /// Articles are read without Yams' implicit types, and `draft:` is resolved when read: every
    /// spelling must come out as Yams' full rules read it.
    @Test func draftReadsAsYamsDefaultRulesWould() throws {
        let spellings = [
            "true", "True", "TRUE", "false", "False", "FALSE", "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off",
            "OFF", "tRuE", "yEs", "y", "n", "1", "0", "~", "null", "\"true\"", "'no'", "maybe", "[true]",
        ]
        for spelling in spellings {
            let yaml = "title: T\ndraft: \(spelling)\n"
            func read(_ resolver: Resolver) throws -> Bool? {
                let fields = try YAMLFields.parse(yaml, file: "a.md", firstLine: 2, resolver: resolver).get()
                let entry = try #require(fields.entries.first { $0.key == "draft" })
                return try? fields.bool(entry).get()
            }
            #expect(try read(YAMLFields.articleResolver) == read(Resolver.default), "draft: \(spelling)")
        }
    }

    @Test func draftFlag() throws {
        let article = try #require(try parse(articleText(extra: "draft: true\n")).article)
        #expect(article.isDraft)
        let outcome = try parse(articleText(extra: "draft: maybe\n"))
        #expect(outcome.article == nil)
        #expect(outcome.diagnostics.first?.message.contains("true or false") == true)
    }
}

@Suite struct MarkdownTests {
    @Test func gfmExtensionsAreOn() {
        let html = Markdown.render(
            """
            | a | b |
            | - | - |
            | 1 | 2 |

            ~~gone~~ and https://example.com

            - [x] done
            """
        ).html
        #expect(html.contains("<table>"))
        #expect(html.contains("<del>gone</del>"))
        #expect(html.contains("<a href=\"https://example.com\">"))
        #expect(html.contains("type=\"checkbox\""))
    }

    @Test func rawHTMLIsOmittedByDefault() {
        let html = Markdown.render("Hello <b>bold</b>\n\n<script>alert(1)</script>\n").html
        #expect(!html.contains("<b>"))
        #expect(!html.contains("<script>"))
        #expect(html.contains("raw HTML omitted"))
    }

    @Test func unsafeHTMLPassesRawHTMLButTagfilterStillNeutralisesScript() {
        let html = Markdown.render("Hello <b>bold</b>\n\n<script>alert(1)</script>\n", options: .init(unsafeHTML: true)).html
        #expect(html.contains("<b>bold</b>"))
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script>"))
    }

    @Test func referencesCarryTheirLines() {
        let rendered = Markdown.render("One\n\nTwo [link](a.pdf)\n\n![img](b.png)\n")
        #expect(
            rendered.references == [
                .init(destination: "a.pdf", line: 3, isImage: false),
                .init(destination: "b.png", line: 5, isImage: true),
            ])
    }
}

@Suite struct SiteConfigTests {
    @Test func readsEveryField() {
        let (config, diagnostics) = SiteConfig.parse(
            """
            title: Desk
            description: Weekly
            language: fr
            timezone: Asia/Shanghai
            base_url: https://example.org/digest/
            paginate: 5
            sections:
              - id: DIPLOMACY
                title: Diplomacy
              - ECONOMY
            unsafe_html: true
            link_index_html: true
            """)
        #expect(diagnostics.isEmpty)
        #expect(config.title == "Desk")
        #expect(config.language == "fr")
        #expect(config.timeZone.identifier == "Asia/Shanghai")
        #expect(config.timeZoneWasSet)
        #expect(config.baseURL == "https://example.org/digest/")
        #expect(config.paginate == 5)
        #expect(config.sections == [.init(id: "DIPLOMACY", title: "Diplomacy"), .init(id: "ECONOMY", title: "ECONOMY")])
        #expect(config.unsafeHTML)
        #expect(config.linkIndexFiles)
    }

    @Test func defaultsToUTC() {
        let (config, _) = SiteConfig.parse("title: Desk\n")
        #expect(config.timeZone.identifier == "UTC" || config.timeZone.identifier == "GMT")
        #expect(!config.timeZoneWasSet)
        #expect(config.paginate == 20)
        #expect(!config.unsafeHTML)
    }

    @Test func unknownKeyIsAWarningNamingKeyAndLine() {
        let (_, diagnostics) = SiteConfig.parse("title: Desk\ntimzone: Asia/Shanghai\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].severity == .warning)
        #expect(diagnostics[0].line == 2)
        #expect(diagnostics[0].message.contains("timzone"))
    }

    @Test func unknownTimeZoneIsAnError() {
        let (_, diagnostics) = SiteConfig.parse("timezone: Mars/Olympus\n")
        #expect(diagnostics.first?.severity == .error)
        #expect(diagnostics.first?.line == 1)
    }
}

@Suite struct MarkdownConcurrencyTests {
    /// cmark-gfm 0.29 shares inline-parsing state between parsers; renders on many threads at
    /// once must give exactly what one thread gives.
    @Test func parallelRendersMatchSerialRenders() {
        let documents = [
            "~~gone~~ and ~kept~ | a | b |\n| - | - |\n| 1 | ~~2~~ |\n\nMore ~~text~~ here.",
            "| x | y |\n| --- | --- |\n| *a* | `b` |\n\n- [x] done ~~old~~",
            "Plain paragraph with https://example.com and **bold**.",
        ]
        let expected = documents.map { Markdown.render($0).html }
        let count = 3000
        let mismatches = Array(0..<count).parallelMap { index -> Int in
            Markdown.render(documents[index % documents.count]).html == expected[index % documents.count] ? 0 : 1
        }.reduce(0, +)
        #expect(mismatches == 0)
    }
}
