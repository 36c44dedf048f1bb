import Foundation
import Testing

@testable import DigestKit

@Suite struct ArticleDraftTests {
    let date = try! ArticleDateParser.parse("2019-02-13T09:15:25+08:00", in: shanghai())

    @Test func writesFrontMatterThatParsesBackExactly() throws {
        var draft = ArticleDraft(
            title: "Ministry: \"No\" to #claims - really", section: "DIPLOMACY",
            tags: ["cyber security", "5G"], speakers: ["Hua Chunying"], source: "Xinhua", date: date)
        draft.body = "Body."
        #expect(draft.relativePath == "Content/2019/02/2019-02-13-ministry-no-to-claims-really.md")
        let document = try FrontMatterSplitter.split(SourceFile(path: "x.md", bytes: Data(try draft.text().utf8))).get()
        var config = SiteConfig()
        config.timeZone = shanghai()
        let outcome = ArticleParser(config: config).parse(document)
        let article = try #require(outcome.article)
        #expect(outcome.diagnostics.isEmpty)
        #expect(article.title == draft.title)
        #expect(article.date == date)
        #expect(article.tags == ["cyber security", "5G"])
        #expect(article.speakers == ["Hua Chunying"])
        #expect(article.source == "Xinhua")
    }

    @Test func aTranslationCarriesItsLanguageAndKey() throws {
        var draft = ArticleDraft(title: "外交部发言人答记者问", section: "DIPLOMACY", date: date)
        draft.language = ArticleDraft.languageTag("zh_Hant")
        draft.translationKey = "mfa: 2019-02-13"
        let document = try FrontMatterSplitter.split(SourceFile(path: "x.md", bytes: Data(try draft.text().utf8))).get()
        let article = try #require(ArticleParser(config: SiteConfig()).parse(document).article)
        #expect(article.language == "zh-Hant")
        #expect(article.translationKey == "mfa: 2019-02-13")
        #expect(ArticleDraft.languageTag("Chinese") == nil)
    }

    @Test func neverOverwritesAnExistingFile() throws {
        let site = try TempSite()
        defer { site.remove() }
        let draft = ArticleDraft(title: "Once", section: "DIPLOMACY", date: date)
        let path = try draft.write(in: site.root)
        try site.write(path, "edited by hand")
        #expect(throws: ArticleDraft.WriteError.exists(path)) { try draft.write(in: site.root) }
        #expect(try String(contentsOf: site.url(path), encoding: .utf8) == "edited by hand")
    }
}

@Suite struct SiteScaffoldTests {
    @Test func newSiteBuildsWithTheBuiltInTheme() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("digest-init-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try SiteScaffold(
            directory: folder, title: "New \"Desk\"", timeZone: shanghai(),
            now: Date(timeIntervalSince1970: 1_550_020_500)
        ).create()
        var options = BuildOptions(siteDirectory: folder)
        options.now = Date(timeIntervalSince1970: 1_600_000_000)
        let summary = try SiteBuilder(options: options).build()
        #expect(summary.articles == 1)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Templates").path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Public/assets/style.css").path))
        let home = try String(contentsOf: folder.appendingPathComponent("Public/index.html"), encoding: .utf8)
        #expect(home.contains("New &quot;Desk&quot;"))
        let ignored = try String(contentsOf: folder.appendingPathComponent(".gitignore"), encoding: .utf8)
        #expect(ignored.split(separator: "\n") == ["/Public/", "/.digest-cache/"])
        #expect(throws: SiteScaffold.ScaffoldError.self) { try SiteScaffold(directory: folder).create() }
    }
}
