import Foundation
import Testing

@testable import DigestKit

@Suite struct PermalinkTests {
    @Test(arguments: [
        ("Content/2019/02/2019-02-13-china-urges-stop-tarnishing.md", "china-urges-stop-tarnishing"),
        ("Content/2019/03/trade-talks-chart/index.md", "trade-talks-chart"),
        ("Content/2019/03/2019-03-01-trade-talks-chart/index.md", "trade-talks-chart"),
        ("Content/Regular Press Conference.md", "regular-press-conference"),
        ("Content/2019-02-13_网络安全.md", "网络安全"),
        ("Content/2019-02-13.md", ""),
    ])
    func theSlugComesFromTheFileName(_ path: String, _ slug: String) {
        #expect(Permalink.fileSlug(path) == slug)
    }

    @Test func patternsPlaceArticlesByDateSectionAndSlug() throws {
        let day = CivilDate(year: 2019, month: 2, day: 3)
        #expect(Permalink.default.path(day: day, sectionSlug: "diplomacy", slug: "talks").folder == "2019/02/03/talks/")
        #expect(
            try Permalink("/:section/:year/:slug").path(day: day, sectionSlug: "diplomacy", slug: "talks").folder
                == "diplomacy/2019/talks/")
        #expect(try Permalink("news/:slug/").description == "/news/:slug/")
    }

    @Test(arguments: ["/:year/:month/", "/:yr/:slug/", "/tags/:slug/", "/page/:slug/", "/News Items/:slug/"])
    func badPatternsAreRefused(_ pattern: String) {
        #expect(throws: Permalink.PatternError.self) { try Permalink(pattern) }
    }

    @Test func aBadPatternInSiteYMLIsAnErrorAtItsLine() {
        let (_, diagnostics) = SiteConfig.parse("title: Desk\npermalink: /:year/:month/\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.line == 2)
        #expect(diagnostics.first?.message.contains("has no :slug") == true)
    }
}

/// Addresses come from the file and never move by themselves.
@Suite struct StableAddressTests {
    static func articles(_ site: TempSite) throws -> [String: String] {
        let summary = try site.build { $0.useCache = true }
        return summary.articleFolders
    }

    @Test func aHeadlineEditAnOlderNamesakeAndADeletedSiblingMoveNoAddressOrFeedID() throws {
        let site = try TempSite(
            siteYML: "title: Desk\ntimezone: Asia/Shanghai\nbase_url: https://desk.example.org/\n",
            articles: [
                "2019-02-14-talks-resume.md": articleText(title: "Talks resume", date: "\"2019-02-14T09:00:00+08:00\""),
                "2019-02-14-sibling.md": articleText(title: "Sibling story", date: "\"2019-02-14T10:00:00+08:00\""),
            ])
        defer { site.remove() }
        let before = try Self.articles(site)
        #expect(before["Content/2019-02-14-talks-resume.md"] == "2019/02/14/talks-resume/")
        let feedBefore = try site.read("feed.xml")
        #expect(feedBefore.contains("<id>tag:desk.example.org,2019-02-14:2019-02-14-talks-resume</id>"))

        try site.write(
            "Content/2019-02-14-talks-resume.md",
            articleText(title: "Talks resume in Beijing after a week", date: "\"2019-02-14T09:00:00+08:00\""))
        try site.write("Content/2019-02-10-talks-resume.md", articleText(title: "Talks resume", date: "\"2019-02-10T09:00:00+08:00\""))
        try FileManager.default.removeItem(at: site.url("Content/2019-02-14-sibling.md"))
        let after = try Self.articles(site)
        #expect(after["Content/2019-02-14-talks-resume.md"] == before["Content/2019-02-14-talks-resume.md"])
        #expect(after["Content/2019-02-10-talks-resume.md"] == "2019/02/10/talks-resume/")
        let feedAfter = try site.read("feed.xml")
        #expect(feedAfter.contains("<id>tag:desk.example.org,2019-02-14:2019-02-14-talks-resume</id>"))
        #expect(feedAfter.contains("<id>tag:desk.example.org,2019-02-10:2019-02-10-talks-resume</id>"))
        #expect(feedAfter.contains("<title type=\"text\">Talks resume in Beijing after a week</title>"))
    }

    @Test func anIDInFrontMatterIsTheFeedIdentity() throws {
        let site = try TempSite(
            siteYML: "title: Desk\nbase_url: https://desk.example.org/\n",
            articles: [
                "a.md": articleText(extra: "id: urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a\n")
            ])
        defer { site.remove() }
        try site.build()
        #expect(try site.read("feed.xml").contains("<id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>"))
    }

    @Test func twoArticlesAtOneAddressAreAnErrorNamingBothFiles() throws {
        let site = try TempSite(articles: [
            "2019/one/2019-02-13-regular-press-conference.md": articleText(title: "Regular press conference"),
            "2019/two/2019-02-13-regular-press-conference.md": articleText(title: "Regular press conference, afternoon"),
        ])
        defer { site.remove() }
        #expect {
            try site.build()
        } throws: { error in
            let messages = (error as? BuildFailure)?.diagnostics.map(\.description) ?? []
            return messages.contains {
                $0.hasPrefix("Content/2019/two/2019-02-13-regular-press-conference.md")
                    && $0.contains("also the address of Content/2019/one/2019-02-13-regular-press-conference.md")
            }
        }
    }

    @Test func aChangedAddressIsReportedWithTheAliasToAddUntilItIsAdded() throws {
        let site = try TempSite(articles: ["2019-02-13-talks.md": articleText(title: "Talks")])
        defer { site.remove() }
        try site.build { $0.useCache = true }
        try site.write("Content/2019-02-13-talks.md", articleText(title: "Talks", extra: "slug: talks-in-geneva\n"))
        let summary = try site.build { $0.useCache = true }
        let moved = summary.warnings.map(\.description)
        #expect(
            moved.contains {
                $0.hasPrefix("Content/2019-02-13-talks.md: warning: moved: /2019/02/13/talks/ → /2019/02/13/talks-in-geneva/")
                    && $0.contains("aliases: [/2019/02/13/talks/]")
            }, "\(moved)")
        // digest check says the same while the alias is missing, and nothing once it is there.
        try site.write("Content/2019-02-13-talks.md", articleText(title: "Talks", extra: "slug: talks-again\n"))
        #expect(SiteChecker(options: site.options()).check().contains { $0.message.hasPrefix("moved: /2019/02/13/talks-in-geneva/") })
        try site.write(
            "Content/2019-02-13-talks.md",
            articleText(title: "Talks", extra: "slug: talks-again\naliases: [/2019/02/13/talks-in-geneva/]\n"))
        #expect(!SiteChecker(options: site.options()).check().contains { $0.message.hasPrefix("moved:") })
    }

    /// A rebuild whose articles all stay where they were leaves the book of addresses unread
    /// and unwritten; the next rebuild that moves a page compares with it again.
    @Test func aBodyEditLeavesTheBookOfAddressesAloneAndAMoveReadsItAgain() throws {
        let site = try TempSite(articles: ["2019-02-13-talks.md": articleText(title: "Talks")])
        defer { site.remove() }
        try site.build { $0.useCache = true }
        // A book claiming the page was elsewhere: read, it would report a move.
        let book = site.url(BuildCache.folderName + "/addresses")
        try "digest-addresses 1\nContent/2019-02-13-talks.md\t2019/02/13/earlier/\n".write(to: book, atomically: true, encoding: .utf8)
        try site.write("Content/2019-02-13-talks.md", articleText(title: "Talks", body: "A longer body."))
        let edited = try site.build { $0.useCache = true }
        #expect(!edited.warnings.contains { $0.message.hasPrefix("moved:") }, "\(edited.warnings)")
        #expect(try String(contentsOf: book, encoding: .utf8).contains("2019/02/13/earlier/"))
        try site.write("Content/2019-02-13-talks.md", articleText(title: "Talks in Geneva", body: "A longer body."))
        let retitled = try site.build { $0.useCache = true }
        #expect(retitled.warnings.contains { $0.message == "moved: /2019/02/13/earlier/ → /2019/02/13/talks/" }, "\(retitled.warnings)")
        #expect(try String(contentsOf: book, encoding: .utf8).contains("\t2019/02/13/talks/\n"))
    }

    @Test func withoutTheBuildCacheNothingIsReportedAndNothingFails() throws {
        let site = try TempSite(articles: ["2019-02-13-talks.md": articleText(title: "Talks")])
        defer { site.remove() }
        try site.build { $0.useCache = true }
        try FileManager.default.removeItem(at: site.url(BuildCache.folderName))
        try site.write("Content/2019-02-13-talks.md", articleText(title: "Talks", extra: "slug: elsewhere\n"))
        let summary = try site.build { $0.useCache = true }
        #expect(!summary.warnings.contains { $0.message.hasPrefix("moved:") })
    }
}
