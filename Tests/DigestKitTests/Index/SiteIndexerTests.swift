import Foundation
import Testing
@testable import DigestKit

@Suite struct SiteIndexerTests {
    func article(_ title: String, _ date: String, section: String = "DIPLOMACY", tags: [String] = [],
                 speakers: [String] = [], slug: String? = nil, path: String? = nil) throws -> Article {
        Article(sourcePath: path ?? "Content/\(title).md", title: title,
                date: try ArticleDateParser.parse(date, in: shanghai()), section: section, tags: tags,
                speakers: speakers, requestedSlug: slug)
    }

    var config: SiteConfig {
        var config = SiteConfig()
        config.timeZone = shanghai()
        config.sections = [.init(id: "ECONOMY", title: "Economy"), .init(id: "DIPLOMACY", title: "Diplomacy")]
        return config
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
            try article("One", "2019-02-14T10:00:00+08:00", section: "ECONOMY", tags: ["Trade", "zinc", "Apples"],
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

    @Test func titlesThatSlugAlikeGetDistinctURLsOldestKeepsThePlainOne() throws {
        let (site, diagnostics) = SiteIndexer(config: config).index([
            try article("Trade talks!", "2019-02-14", path: "Content/b.md"),
            try article("Trade Talks", "2019-02-13", path: "Content/a.md"),
        ])
        #expect(diagnostics.isEmpty)
        let paths = Dictionary(uniqueKeysWithValues: site.articles.map { ($0.article.sourcePath, $0.path.folder) })
        #expect(paths["Content/a.md"] == "articles/trade-talks/")
        #expect(paths["Content/b.md"] == "articles/trade-talks-2/")
    }

    @Test func twoExplicitSlugsAlikeAreAnErrorNamingBothFiles() throws {
        let (_, diagnostics) = SiteIndexer(config: config).index([
            try article("One", "2019-02-14", slug: "same", path: "Content/one.md"),
            try article("Two", "2019-02-13", slug: "Same", path: "Content/two.md"),
        ])
        let error = try #require(diagnostics.first)
        #expect(error.severity == .error)
        #expect(error.file == "Content/two.md" || error.file == "Content/one.md")
        #expect(error.message.contains("Content/one.md") || error.message.contains("Content/two.md"))
    }

    @Test func distinctTagsThatSlugAlikeGetDistinctPages() throws {
        let (site, _) = SiteIndexer(config: config).index([try article("A", "2019-02-13", tags: ["C++", "C"])])
        #expect(Set(site.tags.map(\.path.folder)).count == 2)
    }

    @Test func relativeLinksClimbToTheRoot() {
        let page = SitePath(["tags", "5g", "page", "2"])
        #expect(page.link(to: SitePath(["articles", "x"]), indexFiles: false) == "../../../../articles/x/")
        #expect(page.link(to: .root, indexFiles: true) == "../../../../index.html")
        #expect(SitePath.root.link(to: .root, indexFiles: false) == "./")
        #expect(page.file == "tags/5g/page/2/index.html")
        #expect(SitePath.root.file == "index.html")
        #expect(SitePath(["网络"]).file == "网络/index.html")
    }
}
