import Foundation
import Testing

@testable import DigestKit

@Suite struct AliasTests {
    @Test func aliasPagesRedirectToTheArticleAndTheLinkCheckerFollowsThem() throws {
        let site = try TempSite(
            siteYML: "title: Desk\ntimezone: Asia/Shanghai\nbase_url: https://desk.example.org/briefings/\n",
            articles: [
                "2019-02-13-talks.md": articleText(
                    title: "Talks <resume>", extra: "aliases: [/articles/talks-resume/, /old/talks.html]\n")
            ])
        defer { site.remove() }
        try site.build()
        let page = try site.read("articles/talks-resume/index.html")
        #expect(page.contains("<meta http-equiv=\"refresh\" content=\"0; url=../../2019/02/13/talks/\">"))
        #expect(page.contains("<link rel=\"canonical\" href=\"https://desk.example.org/briefings/2019/02/13/talks/\">"))
        #expect(page.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(page.contains("<a href=\"../../2019/02/13/talks/\">Talks &lt;resume&gt;</a>"))
        #expect(try site.read("old/talks.html").contains("url=../2019/02/13/talks/"))
        #expect(
            try site.read("_redirects") == """
                /briefings/articles/talks-resume/ /briefings/2019/02/13/talks/ 301
                /briefings/old/talks.html /briefings/2019/02/13/talks/ 301

                """)
        let problems = SiteChecker(options: site.options()).check().filter { $0.message.contains("broken link") }
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func anAliasOverAPageOrAnotherAliasIsAnErrorNamingBothFiles() throws {
        let site = try TempSite(articles: [
            "2019-02-13-a.md": articleText(title: "A", extra: "aliases: [/2019/02/13/b/, /old/]\n"),
            "2019-02-13-b.md": articleText(title: "B", extra: "aliases: [/old/]\n"),
        ])
        defer { site.remove() }
        #expect {
            try site.build()
        } throws: { error in
            let messages = (error as? BuildFailure)?.diagnostics.map(\.description) ?? []
            return messages.contains { $0.hasPrefix("Content/2019-02-13-a.md") && $0.contains("a page of Content/2019-02-13-b.md") }
                && messages.contains { $0.hasPrefix("Content/2019-02-13-b.md") && $0.contains("also an alias of Content/2019-02-13-a.md") }
        }
    }

    @Test(arguments: ["/", "../etc/", "https://example.org/x/", "/a/../b/"])
    func aliasesThatAreNoPathOfTheSiteAreRefused(_ alias: String) throws {
        let site = try TempSite(articles: ["a.md": articleText(extra: "aliases: [\"\(alias)\"]\n")])
        defer { site.remove() }
        #expect(throws: BuildFailure.self) { try site.build() }
    }

    @Test func aRebuildWithAliasesMatchesACleanBuild() throws {
        let site = try TempSite(articles: ["2019-02-13-a.md": articleText(title: "A", extra: "aliases: [/old-a/]\n")])
        defer { site.remove() }
        try site.build { $0.useCache = true }
        try site.write("Content/2019-02-13-a.md", articleText(title: "A", extra: "aliases: [/older-a/]\n"))
        try site.build { $0.useCache = true }
        let incremental = try snapshot(of: site.output)
        try site.build {
            $0.useCache = true
            $0.clean = true
        }
        #expect(try snapshot(of: site.output) == incremental)
        #expect(incremental["old-a/index.html"] == nil)
        #expect(incremental["older-a/index.html"] != nil)
    }
}

@Suite struct CorrectionTests {
    static let corrected = articleText(
        title: "Talks resume", date: "\"2019-02-13T09:00:00+08:00\"",
        extra: "updated: \"2019-02-15T18:30:00+08:00\"\ncorrection: An earlier version misnamed the *vice minister*.\n")

    @Test func theArticleShowsTheUpdateAndTheFeedAndSitemapUseIt() throws {
        let site = try TempSite(
            siteYML: "title: Desk\ntimezone: Asia/Shanghai\nbase_url: https://desk.example.org/\n",
            articles: ["2019-02-13-talks.md": Self.corrected])
        defer { site.remove() }
        try site.build()
        let page = try site.read("2019/02/13/talks/index.html")
        #expect(page.contains("<strong>Updated</strong> <time datetime=\"2019-02-15T18:30:00+08:00\">"))
        #expect(page.contains("An earlier version misnamed the <em>vice minister</em>."))
        let feed = try site.read("feed.xml")
        #expect(feed.contains("<published>2019-02-13T09:00:00+08:00</published>\n<updated>2019-02-15T18:30:00+08:00</updated>"))
        #expect(try site.read("sitemap.xml").contains("2019/02/13/talks/</loc><lastmod>2019-02-15T18:30:00+08:00</lastmod>"))
        // Grouped by the day it was first published, and marked in the newsletter.
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("days/2019-02-13/index.html").path))
        #expect(try site.read("weeks/2019-W07/newsletter.txt").contains("Talks resume [UPDATED]"))
        #expect(try site.read("weeks/2019-W07/newsletter.html").contains("UPDATED</span>"))
    }
}
