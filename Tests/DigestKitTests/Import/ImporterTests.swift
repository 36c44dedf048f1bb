import Foundation
import Testing

@testable import DigestKit

@Suite struct ImporterTests {
    let seedPath = "Content/2019/02/2019-02-13-china-urges-relevant-countries-to-stop-tarnishing-china-on-cybersecurity.md"

    func importer(_ site: TempSite, dryRun: Bool = false) -> Importer {
        Importer(siteDirectory: site.root, writer: ArticleFileWriter(timeZone: shanghai()), dryRun: dryRun)
    }

    func content(_ site: TempSite) throws -> [String: Data] {
        try snapshot(of: site.url("Content"))
    }

    @Test func importedSeedBuildsIntoASiteWithItsPages() throws {
        let site = try TempSite()
        defer { site.remove() }
        let report = importer(site).run([.path(wireFixture.path)])
        #expect(report.failures == 0)
        #expect(report.diagnostics.isEmpty)
        #expect(report.imported.map(\.file.path) == [seedPath])
        #expect(try String(contentsOf: site.url(seedPath), encoding: .utf8) == report.imported.first?.file.text)

        let summary = try site.build()
        #expect(summary.articles == 1)
        #expect(summary.warnings.isEmpty)
        let page = try site.read("2019/02/13/china-urges-relevant-countries-to-stop-tarnishing-china-on-cybersecurity/index.html")
        #expect(page.contains("China urges relevant countries to stop tarnishing China on cybersecurity"))
        #expect(page.contains("said Foreign Ministry spokesperson Hua Chunying at a daily news briefing."))
        #expect(!page.contains("Disqus"))
        for path in ["days/2019-02-13/index.html", "speakers/hua-chunying/index.html", "sections/diplomacy/index.html"] {
            #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent(path).path), "\(path)")
        }
    }

    @Test func existingFileIsNeverOverwrittenAndOtherInputsStillImport() throws {
        let site = try TempSite()
        defer { site.remove() }
        try site.write(seedPath, "keep me\n")
        try site.write("wire/other.txt", "Other headline\nSource: Xinhua Published: 2019/2/14 10:00:00\nText.\nPosted in: WORLD\n")
        let report = importer(site).run([.path(wireFixture.path), .path(site.url("wire/other.txt").path)])
        #expect(try String(contentsOf: site.url(seedPath), encoding: .utf8) == "keep me\n")
        #expect(report.failures == 1)
        let error = try #require(report.diagnostics.first { $0.severity == .error })
        #expect(error.file == wireFixture.path)
        #expect(error.message == "\(seedPath) already exists; it was not overwritten")
        #expect(report.imported.map(\.file.path) == ["Content/2019/02/2019-02-14-other-headline.md"])
        #expect(FileManager.default.fileExists(atPath: site.url("Content/2019/02/2019-02-14-other-headline.md").path))
    }

    @Test func sameArticleTwiceInOneRunKeepsTheFirst() throws {
        let site = try TempSite()
        defer { site.remove() }
        for dryRun in [true, false] {
            let report = importer(site, dryRun: dryRun).run([.path(wireFixture.path), .path(wireFixture.path)])
            #expect(report.imported.count == 1)
            #expect(report.failures == 1)
        }
    }

    @Test func dryRunWritesNothingButReportsTheFile() throws {
        let site = try TempSite()
        defer { site.remove() }
        let before = try content(site)
        let report = importer(site, dryRun: true).run([.path(wireFixture.path)])
        #expect(try content(site) == before)
        #expect(!FileManager.default.fileExists(atPath: site.url("Content/2019").path))
        let file = try #require(report.imported.first?.file)
        #expect(file.path == seedPath)
        #expect(file.text.hasPrefix("---\ntitle: China urges"))
    }

    @Test func folderImportsEveryRegularFileInNameOrder() throws {
        let site = try TempSite()
        defer { site.remove() }
        try site.write("wire/b.txt", "Second story\nSource: Xinhua Published: 2019/2/14 10:00:00\nText.\nPosted in: WORLD\n")
        try site.write("wire/a.txt", "First story\nSource: Xinhua Published: 2019/2/13 10:00:00\nText.\nPosted in: WORLD\n")
        try site.write("wire/.DS_Store", "junk")
        try site.write("wire/nested/c.txt", "Nested story\nPublished: 2019/2/15 10:00:00\nText.\nPosted in: WORLD\n")
        let folder = site.url("wire").path
        let report = importer(site).run([.path(folder)])
        #expect(report.failures == 0)
        #expect(report.imported.map(\.input) == ["\(folder)/a.txt", "\(folder)/b.txt"])
        #expect(
            report.imported.map(\.file.path) == [
                "Content/2019/02/2019-02-13-first-story.md", "Content/2019/02/2019-02-14-second-story.md",
            ])
    }

    @Test func unreadableInputsFailOneByOneWithTheirReason() throws {
        let site = try TempSite()
        defer { site.remove() }
        try site.write("wire/latin1.txt", Data([0x48, 0xE9, 0x0A]))
        try site.write("wire/empty.txt", " \n\r\n")
        let inputs: [Importer.Input] = [
            .path(site.url("wire/latin1.txt").path), .path(site.url("wire/empty.txt").path),
            .path(site.url("wire/missing.txt").path), .path(wireFixture.path),
        ]
        let report = importer(site).run(inputs)
        #expect(report.failures == 3)
        #expect(report.imported.count == 1)
        let messages = Dictionary(uniqueKeysWithValues: report.diagnostics.map { (($0.file as NSString).lastPathComponent, $0.message) })
        #expect(messages["latin1.txt"] == "the file is not UTF-8 text")
        #expect(messages["empty.txt"] == "the file is empty")
        #expect(messages["missing.txt"] == "no such file or folder")
    }

    @Test func standardInputWithCRLFAndByteOrderMarkImports() throws {
        let site = try TempSite()
        defer { site.remove() }
        let text = try wireFixtureText().replacingOccurrences(of: "\n", with: "\r\n")
        let report = importer(site).run([.standardInput(Data("\u{FEFF}".utf8) + Data(text.utf8))])
        #expect(report.failures == 0)
        #expect(report.imported.first?.input == "<stdin>")
        let written = try String(contentsOf: site.url(seedPath), encoding: .utf8)
        #expect(!written.contains("\r") && !written.contains("\u{FEFF}"))
        #expect(written == importer(site, dryRun: true).writer.write(WireCopyParser.parse(try wireFixtureText()), input: "-").file?.text)
    }

    @Test func copyWithoutADateIsRefusedAndNothingIsWritten() throws {
        let site = try TempSite()
        defer { site.remove() }
        try site.write("wire/undated.txt", "Headline\nSource: Xinhua\nText.\nPosted in: WORLD\n")
        let before = try content(site)
        let report = importer(site).run([.path(site.url("wire/undated.txt").path)])
        #expect(report.failures == 1)
        #expect(report.imported.isEmpty)
        #expect(try content(site) == before)
    }

    @Test func postedInBelowShareButtonsAndRelatedStoriesImportsIntoItsSection() throws {
        let site = try TempSite()
        defer { site.remove() }
        let report = importer(site).run([.path(furnitureFirstFixture.path)])
        #expect(report.failures == 0)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let path = "Content/2019/02/2019-02-14-china-norway-agree-to-deepen-cooperation-on-arctic-research.md"
        #expect(report.imported.map(\.file.path) == [path])
        let written = try String(contentsOf: site.url(path), encoding: .utf8)
        #expect(written.contains("\nsection: DIPLOMACY\n"))
        #expect(!written.contains("draft:"))
        #expect(!written.contains("Related") && !written.contains("Facebook"))

        let summary = try site.build()
        #expect(summary.articles == 1)
        let sectionPage = try site.read("sections/diplomacy/index.html")
        #expect(sectionPage.contains("China, Norway agree to deepen cooperation on Arctic research"))
    }

    @Test func escapedBodyRendersLiterallyOnTheBuiltPage() throws {
        let site = try TempSite()
        defer { site.remove() }
        try site.write(
            "wire/specials.txt",
            """
            Specials: a *test*
            Source: Xinhua | Published: 2019/2/13 9:15:25
            # 1 priority is <b>trade</b>
            1. first [point]
            Posted in: ECONOMY
            """)
        let report = importer(site).run([.path(site.url("wire/specials.txt").path)])
        #expect(report.failures == 0)
        #expect(report.imported.map(\.file.path) == ["Content/2019/02/2019-02-13-specials-a-test.md"])
        try site.build()
        let page = try site.read("2019/02/13/specials-a-test/index.html")
        #expect(page.contains("<p># 1 priority is &lt;b&gt;trade&lt;/b&gt;</p>"))
        #expect(page.contains("<p>1. first [point]</p>"))
        #expect(page.contains("Specials: a *test*"))
    }
}

@Suite struct ImportLanguageTests {
    @Test func chineseCopyIsWrittenWithItsLanguageAndAReadableName() throws {
        let site = try TempSite()
        defer { site.remove() }
        try site.write("wire/zh.txt", "外交部发言人答记者问\nSource: Xinhua Published: 2019/2/13 10:00:00\n正文。\nPosted in: DIPLOMACY\n")
        let (writer, problems) = ArticleFileWriter.forSite(site.root, timeZoneName: "Asia/Shanghai", section: nil, language: "zh")
        #expect(problems.isEmpty)
        let report = Importer(siteDirectory: site.root, writer: try #require(writer)).run([.path(site.url("wire/zh.txt").path)])
        let file = try #require(report.imported.first?.file)
        #expect(file.path == "Content/2019/02/2019-02-13-外交部发言人答记者问.md")
        #expect(file.text.contains("source: Xinhua\nlanguage: zh\nsection: DIPLOMACY\n"))
        try site.build()
        let pages = try FileManager.default.subpathsOfDirectory(atPath: site.output.path)
        let page = try #require(pages.first { $0.hasPrefix("2019/02/13/") && $0.contains("外交部发言人答记者问") && $0.hasSuffix("index.html") })
        #expect(try site.read(page).contains("<html lang=\"zh\">"))
    }

    @Test func aLanguageThatIsNoTagIsRefused() {
        let (writer, problems) = ArticleFileWriter.forSite(URL(fileURLWithPath: "/nonexistent"), timeZoneName: "UTC", section: nil, language: "Mandarin!")
        #expect(writer == nil)
        #expect(problems.map(\.file) == ["--language"])
    }
}
