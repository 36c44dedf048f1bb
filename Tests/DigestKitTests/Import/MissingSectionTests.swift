import Foundation
import Testing

@testable import DigestKit

/// Wire copy without `Posted in:` is imported as a draft with an empty section, named by import,
/// check and build, and never published until the editor sets the section.
@Suite struct MissingSectionTests {
    let unsectioned = "Talks resume in Geneva\nSource: Xinhua Published: 2019/2/13 9:15:25\nDelegations met on Wednesday.\nShare this:\nFacebook\n"
    let writtenPath = "Content/2019/02/2019-02-13-talks-resume-in-geneva.md"

    /// A site with one published article beside the imported draft, so builds have pages to make.
    func importedSite() throws -> (TempSite, Importer.Report) {
        let site = try TempSite(articles: ["published.md": articleText(title: "Published briefing")])
        try site.write("wire/geneva.txt", unsectioned)
        let importer = Importer(siteDirectory: site.root, writer: ArticleFileWriter(timeZone: shanghai()))
        return (site, importer.run([.path(site.url("wire/geneva.txt").path)]))
    }

    /// The line of `section: ""` in the file as written on disk, found independently of the writer.
    func emptySectionLine(_ site: TempSite) throws -> Int {
        let lines = try String(contentsOf: site.url(writtenPath), encoding: .utf8).components(separatedBy: "\n")
        return try #require(lines.firstIndex(of: "section: \"\"")) + 1
    }

    @Test func importWritesADraftAndWarnsWithTheWrittenFileAndLine() throws {
        let (site, report) = try importedSite()
        defer { site.remove() }
        #expect(report.failures == 0)
        #expect(report.draftsWithoutSection == 1)
        #expect(report.imported.map(\.file.path) == [writtenPath])
        let written = try String(contentsOf: site.url(writtenPath), encoding: .utf8)
        #expect(written.contains("\ndraft: true\n"))
        #expect(written.contains(ArticleFrontMatter.missingSectionComment + "\nsection: \"\"\n"))

        let warning = try #require(report.diagnostics.first)
        #expect(report.diagnostics.count == 1)
        #expect(warning.severity == .warning)
        #expect(warning.file == writtenPath)
        #expect(warning.line == (try emptySectionLine(site)))
        #expect(warning.message.contains("has no 'Posted in:' line"))
        #expect(warning.description.hasPrefix("\(writtenPath):\(try emptySectionLine(site)):10: warning: "))
        #expect(warning.hint?.contains("section: DIPLOMACY") == true)
    }

    @Test func buildsLeaveItOutAndNameIt() throws {
        let (site, _) = try importedSite()
        defer { site.remove() }
        let line = try emptySectionLine(site)
        func named(_ warnings: [Diagnostic]) -> Bool {
            warnings.contains {
                $0.file == writtenPath && $0.line == line && $0.message == "draft without a section: set `section:`"
            }
        }
        for drafts in [false, true] {
            let summary = try site.build { $0.includeDrafts = drafts }
            #expect(summary.articles == 1, "drafts: \(drafts)")
            #expect(summary.skippedDrafts == 1, "drafts: \(drafts)")
            #expect(named(summary.warnings), "drafts: \(drafts): \(summary.warnings)")
            #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("2019/02/13/talks-resume-in-geneva").path))
            #expect(!(try site.read("weeks/2019-W07/index.html")).contains("Talks resume in Geneva"))
            let sections = try FileManager.default.contentsOfDirectory(atPath: site.output.appendingPathComponent("sections").path)
            #expect(sections.filter { !$0.hasSuffix(".html") } == ["diplomacy"], "drafts: \(drafts)")
        }
        for drafts in [false, true] {
            var options = site.options()
            options.includeDrafts = drafts
            let problems = SiteChecker(options: options).check()
            #expect(!problems.contains { $0.severity == .error }, "\(problems)")
            #expect(named(problems), "check, drafts: \(drafts)")
        }
    }

    @Test func settingTheSectionAndDroppingDraftPublishesIt() throws {
        let (site, _) = try importedSite()
        defer { site.remove() }
        let written = try String(contentsOf: site.url(writtenPath), encoding: .utf8)
        try site.write(
            writtenPath,
            written.replacingOccurrences(of: "section: \"\"", with: "section: DIPLOMACY")
                .replacingOccurrences(of: "draft: true\n", with: ""))
        let summary = try site.build()
        #expect(summary.articles == 2)
        #expect(!summary.warnings.contains { $0.message.contains("draft without a section") })
        #expect(try site.read("sections/diplomacy/index.html").contains("Talks resume in Geneva"))
    }

    @Test func anEmptySectionOutsideADraftIsStillAnError() throws {
        let site = try TempSite(articles: ["bad.md": articleText(section: "\"\"")])
        defer { site.remove() }
        #expect(throws: BuildFailure.self) { try site.build() }
    }

    @Test func copyWithNeitherDateNorSectionIsRefusedNotDrafted() throws {
        let site = try TempSite()
        defer { site.remove() }
        try site.write("wire/undated.txt", "Headline\nSource: Xinhua\nText.\n")
        let before = try snapshot(of: site.url("Content"))
        let importer = Importer(siteDirectory: site.root, writer: ArticleFileWriter(timeZone: shanghai()))
        let report = importer.run([.path(site.url("wire/undated.txt").path)])
        #expect(report.failures == 1)
        #expect(report.imported.isEmpty)
        #expect(report.draftsWithoutSection == 0)
        #expect(report.diagnostics.contains { $0.severity == .error && $0.message.contains("no date") })
        #expect(try snapshot(of: site.url("Content")) == before)
    }
}
