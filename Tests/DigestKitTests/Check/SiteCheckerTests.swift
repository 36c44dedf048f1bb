import Foundation
import Testing

@testable import DigestKit

@Suite struct SiteCheckerTests {
    @Test func sampleSitePassesWithoutErrors() {
        var options = BuildOptions(siteDirectory: repositoryRoot)
        options.now = Date(timeIntervalSince1970: 1_800_000_000)
        let problems = SiteChecker(options: options).check()
        #expect(problems.filter { $0.severity == .error }.isEmpty, "\(problems)")
    }

    @Test func findsBrokenLinksAnchorsAndEditorialProblems() throws {
        let site = try TempSite(
            siteYML: "title: T\ntimezone: Asia/Shanghai\nsections: [DIPLOMACY]\n",
            articles: [
                "a.md": articleText(
                    title: "Same title", extra: "tags: [x]\n",
                    body: "Intro.\n\nSee [the other](../nowhere/) and [a footnote](#missing-anchor)."),
                "b.md": articleText(title: "Same  Title", section: "DIPLOMCY", extra: "colour: red\n"),
            ])
        defer { site.remove() }
        let problems = SiteChecker(options: site.options()).check()
        func find(_ text: String) -> Diagnostic? { problems.first { $0.message.contains(text) } }

        let link = try #require(find("broken link '../nowhere/'"))
        #expect(link.file == "Content/a.md")
        #expect(link.line == 10)
        #expect(link.severity == .error)
        let anchor = try #require(find("no anchor '#missing-anchor'"))
        #expect(anchor.line == 10)
        let unknown = try #require(find("unknown front matter field 'colour'"))
        #expect(unknown.file == "Content/b.md")
        #expect(unknown.line == 5)
        #expect(find("is also used by") != nil)
        #expect(find("has no tags")?.file == "Content/b.md")
        let section = try #require(find("'DIPLOMCY' is not in site.yml"))
        #expect(section.severity == .error)
        #expect(!FileManager.default.fileExists(atPath: site.output.path), "check must not write Public/")
    }

    @Test func badFrontMatterIsReportedLikeABuild() throws {
        let site = try TempSite(articles: ["bad.md": "---\ntitle: x\n---\n"])
        defer { site.remove() }
        let problems = SiteChecker(options: site.options()).check()
        #expect(problems.contains { $0.file == "Content/bad.md" && $0.message.contains("'date' is missing") })
    }
}
