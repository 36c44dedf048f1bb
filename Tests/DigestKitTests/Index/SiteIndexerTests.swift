import Foundation
import Testing

@testable import DigestKit

@Suite struct SiteIndexerTests {
    func article(
        _ title: String, _ date: String, section: String = "DIPLOMACY", tags: [String] = [],
        speakers: [String] = [], slug: String? = nil, path: String? = nil
    ) throws -> Article {
        Article(
            sourcePath: path ?? "Content/\(title).md", title: title,
            date: try ArticleDateParser.parse(date, in: shanghai()), section: section, tags: tags,
            speakers: speakers, requestedSlug: slug, requestedSlugLine: slug == nil ? nil : 5)
    }

    /// Each article's page folder, by source file.
    func paths(_ articles: [Article]) -> [String: String] {
        let (site, diagnostics) = SiteIndexer(config: config).index(articles)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return Dictionary(uniqueKeysWithValues: site.articles.map { ($0.article.sourcePath, $0.path.folder) })
    }

    var config: SiteConfig {
        var config = SiteConfig()
        config.timeZone = shanghai()
        config.sections = [.init(id: "ECONOMY", title: "Economy"), .init(id: "DIPLOMACY", title: "Diplomacy")]
        return config
    }

    /// The articles parsed again after an edit are found among all by their sources: a few
    /// compared one by one, more through a set; the same positions either way.
    @Test func articlesAreFoundByTheirSources() throws {
        let titles = (1...8).map { "A\($0)" }
        let (site, _) = SiteIndexer(config: config).index(try titles.enumerated().map { try article($1, "2019-02-1\($0)T09:00:00+08:00") })
        for count in [0, 1, 3, 4, 5, 8] {
            let sources = Set(titles.prefix(count).map { "Content/\($0).md" })
            let expected = site.articles.indices.filter { sources.contains(site.articles[$0].article.sourcePath) }
            #expect(site.positions(ofSources: sources) == expected, "\(count) sources")
            #expect(site.positions(ofSources: sources).count == count)
        }
        #expect(site.positions(ofSources: ["Content/None.md"]).isEmpty)
    }

    @Test func groupsByLocalDayAndISOWeek() throws {
        let (site, _) = SiteIndexer(config: config).index([
            try article("Late", "2019-02-14T00:30:00+08:00"),
            try article("Early", "2019-02-13T09:00:00+08:00"),
            try article("Sunday", "2019-02-17T23:59:00+08:00"),
            try article("Monday", "2019-02-18T00:00:00+08:00"),
        ])
        #expect(site.days.map(\.date.id) == ["2019-02-18", "2019-02-17", "2019-02-14", "2019-02-13"])
        #expect(site.weeks.map(\.week.id) == ["2019-W08", "2019-W07"])
        #expect(site.weeks[1].articles.map { site.articles[$0].article.title } == ["Sunday", "Late", "Early"])
        #expect(site.weeks[1].days.map { site.days[$0].date.id } == ["2019-02-13", "2019-02-14", "2019-02-17"])
        #expect(site.years.map(\.year) == [2019])
        #expect(site.days[0].path.folder == "days/2019-02-18/")
        #expect(site.weeks[0].path.folder == "weeks/2019-W08/")
    }

    /// Every article points at the terms it names, whatever order terms were met and sorted
    /// in, with spellings that differ only in case or spacing sharing one term.
    @Test func articlesPointAtTheirTerms() throws {
        let (site, _) = SiteIndexer(config: config).index([
            try article(
                "One", "2019-02-14T10:00:00+08:00", section: "ECONOMY", tags: ["Trade", "zinc", "Apples"],
                speakers: ["Wang Wenbin", "Ángela Ruiz"]),
            try article("Two", "2019-02-13T10:00:00+08:00", tags: ["apples", "Bananas", "trade"], speakers: ["ángela  RUIZ"]),
            try article("Three", "2019-02-12T10:00:00+08:00", section: "ECONOMY", tags: ["zinc"]),
        ])
        #expect(site.tags.map(\.name) == ["Apples", "Bananas", "Trade", "zinc"])
        for placed in site.articles {
            let article = placed.article
            #expect(placed.tagIndices.map { site.tags[$0].key } == article.tags.map(TermKey.normalize))
            #expect(placed.speakerIndices.map { site.speakers[$0].key } == article.speakers.map(TermKey.normalize))
            #expect(site.sections[placed.sectionIndex].key == TermKey.normalize(article.section))
            for index in placed.tagIndices {
                #expect(site.tags[index].articles.contains { site.articles[$0].article.title == article.title })
            }
        }
        #expect(site.sections.map(\.name) == ["Economy", "Diplomacy"])
        #expect(site.speakers.count == 2)
    }

    @Test func weekAtYearEndBelongsToISOYear() throws {
        let (site, _) = SiteIndexer(config: config).index([try article("Eve", "2019-12-31T10:00:00+08:00")])
        #expect(site.weeks.map(\.week.id) == ["2020-W01"])
        #expect(site.years.map(\.year) == [2020])
    }

    @Test func sectionsFollowConfiguredOrderThenAlphabetical() throws {
        let (site, _) = SiteIndexer(config: config).index([
            try article("A", "2019-02-13", section: "DIPLOMACY"),
            try article("B", "2019-02-13", section: "TECHNOLOGY"),
            try article("C", "2019-02-13", section: "ECONOMY"),
            try article("D", "2019-02-13", section: "DEFENSE"),
        ])
        #expect(site.sections.map(\.name) == ["Economy", "Diplomacy", "DEFENSE", "TECHNOLOGY"])
        let groups = site.groupedBySection(Array(site.articles.indices))
        #expect(groups.map(\.section.name) == ["Economy", "Diplomacy", "DEFENSE", "TECHNOLOGY"])
    }

    @Test func tagsMatchCaseAndSpacingInsensitively() throws {
        let (site, _) = SiteIndexer(config: config).index([
            try article("A", "2019-02-13", tags: ["Cyber Security"]),
            try article("B", "2019-02-12", tags: [" cyber  security"]),
        ])
        #expect(site.tags.count == 1)
        #expect(site.tags[0].name == "Cyber Security")
        #expect(site.tags[0].articles.count == 2)
        #expect(site.tags[0].path.folder == "tags/cyber-security/")
    }

    /// The file's name without its date and extension, under the article's day in the site's
    /// time zone; a bundle's `index.md` takes its folder's name; `slug:` wins over both.
    @Test func anAddressIsTheDayAndTheFileName() throws {
        let paths = paths([
            try article("Talks", "2019-02-13T10:00:00+08:00", path: "Content/2019/02/2019-02-13-talks-resume.md"),
            try article("Late", "2019-02-13T23:30:00+00:00", path: "Content/2019-02-13_late-night.md"),
            try article("Chart", "2019-03-08T11:00:00+08:00", path: "Content/2019/03/trade-talks-chart/index.md"),
            try article("Named", "2019-02-12", slug: "Own Name", path: "Content/2019-02-12-file-name.md"),
        ])
        #expect(paths["Content/2019/02/2019-02-13-talks-resume.md"] == "2019/02/13/talks-resume/")
        #expect(paths["Content/2019-02-13_late-night.md"] == "2019/02/14/late-night/")
        #expect(paths["Content/2019/03/trade-talks-chart/index.md"] == "2019/03/08/trade-talks-chart/")
        #expect(paths["Content/2019-02-12-file-name.md"] == "2019/02/12/own-name/")
    }

    /// A daily wire archive repeats file names ("briefing.md"); each day keeps its own.
    @Test func oneFileNameOnDifferentDaysGetsDifferentAddresses() throws {
        let paths = paths([
            try article("Regular press conference", "2019-02-14", path: "Content/2019-02-14/briefing.md"),
            try article("Regular press conference", "2019-02-13", path: "Content/2019-02-13/briefing.md"),
        ])
        #expect(paths["Content/2019-02-13/briefing.md"] == "2019/02/13/briefing/")
        #expect(paths["Content/2019-02-14/briefing.md"] == "2019/02/14/briefing/")
    }

    @Test func oneFileNameOnOneDayInTwoFoldersIsAnErrorNamingBothFiles() throws {
        let (_, diagnostics) = SiteIndexer(config: config).index([
            try article("One", "2019-02-13T10:00:00+08:00", path: "Content/wire/briefing.md"),
            try article("Two", "2019-02-13T16:00:00+08:00", path: "Content/desk/briefing.md"),
        ])
        #expect(diagnostics.count == 1)
        let error = try #require(diagnostics.first)
        #expect(error.severity == .error)
        #expect(error.file == "Content/wire/briefing.md" && error.line == nil)
        #expect(error.message == "/2019/02/13/briefing/ is also the address of Content/desk/briefing.md")
    }

    @Test func twoExplicitSlugsAlikeOnOneDayAreAnErrorNamingBothFilesAtTheSlugLine() throws {
        let (_, diagnostics) = SiteIndexer(config: config).index([
            try article("Two", "2019-02-13T16:00:00+08:00", slug: "Same", path: "Content/two.md"),
            try article("One", "2019-02-13T10:00:00+08:00", slug: "same", path: "Content/one.md"),
        ])
        #expect(diagnostics.count == 1)
        let error = try #require(diagnostics.first)
        #expect(error.severity == .error)
        #expect(error.file == "Content/two.md" && error.line == 5)
        #expect(error.message == "/2019/02/13/same/ is also the address of Content/one.md")
    }

    /// An address depends on nothing but its own article: adding an older article with the same
    /// headline, editing a headline or deleting a sibling moves no other page.
    @Test func noEditToOneArticleMovesAnother() throws {
        let site = [
            try article("Trade talks", "2019-02-13T10:00:00+08:00", path: "Content/2019-02-13-talks.md"),
            try article("Trade talks", "2019-02-13T12:00:00+08:00", path: "Content/2019-02-13-talks-continue.md"),
            try article("Trade talks", "2019-02-14", path: "Content/2019-02-14-talks.md"),
        ]
        let before = paths(site)
        #expect(Set(before.values) == ["2019/02/13/talks/", "2019/02/13/talks-continue/", "2019/02/14/talks/"])

        let older = try article("Trade talks", "2019-02-12", path: "Content/2019-02-12-talks-open.md")
        #expect(paths(site + [older]).filter { $0.key != older.sourcePath } == before)

        let retitled = try article("Trade talks end", "2019-02-13T10:00:00+08:00", path: "Content/2019-02-13-talks.md")
        #expect(paths([retitled] + site.dropFirst()) == before)

        var afterDeletion = before
        afterDeletion["Content/2019-02-13-talks.md"] = nil
        #expect(paths(Array(site.dropFirst())) == afterDeletion)
    }

    @Test func distinctTagsThatSlugAlikeGetDistinctPages() throws {
        let (site, _) = SiteIndexer(config: config).index([try article("A", "2019-02-13", tags: ["C++", "C"])])
        #expect(Set(site.tags.map(\.path.folder)).count == 2)
    }

    @Test func relativeLinksClimbToTheRoot() {
        let page = SitePath(["tags", "5g", "page", "2"])
        #expect(page.link(to: SitePath(["2019", "02", "13", "x"]), indexFiles: false) == "../../../../2019/02/13/x/")
        #expect(page.link(to: .root, indexFiles: true) == "../../../../index.html")
        #expect(SitePath.root.link(to: .root, indexFiles: false) == "./")
        #expect(page.file == "tags/5g/page/2/index.html")
        #expect(SitePath.root.file == "index.html")
        #expect(SitePath(["网络"]).file == "网络/index.html")
    }
}
