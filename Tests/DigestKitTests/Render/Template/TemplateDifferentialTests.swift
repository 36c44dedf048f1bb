import Foundation
import Testing

@testable import DigestKit

/// The compiled renderer against swift-mustache (`MustacheReference`) on real sites: every
/// page, every list item and every newsletter must come out byte for byte the same.
@Suite struct TemplateDifferentialTests {
    /// Renders every page, item and newsletter of `site` both ways; returns how many it compared.
    @discardableResult
    static func compareEverything(_ site: Site, templates: TemplateSet) throws -> Int {
        let reference = try MustacheReference(templates.sources)
        let renderer = SiteRenderer(site: site, templates: templates)
        var compared = 0
        for job in site.pageJobs() {
            let prepared = renderer.prepare(job)
            let ours = renderer.render(prepared)
            let theirs = reference.render(prepared.context, template: prepared.template)
            #expect(ours == theirs, "\(job.file)\n\(firstDifference(ours, theirs))")
            compared += 1
        }
        // The item partial, which pages show through `{{{html}}}` (made by the renderer in both
        // renderings above), at two depths.
        let words = renderer.views.words
        for index in site.articles.indices {
            for root in ["", "../../"] {
                var context = renderer.views.item(index).values
                context["site"] = ["title": site.config.title, "description": site.config.description, "language": site.config.language]
                context["assets"] = "assets/"
                context["t"] = words.templateStrings
                context["root"] = root
                let ours = templates.render(context, template: ItemHTMLCache.partial)
                let theirs = reference.render(context, template: ItemHTMLCache.partial)
                #expect(ours == theirs, "item \(index)\n\(firstDifference(ours, theirs))")
                compared += 1
            }
        }
        let newsletter = Newsletter(site: site, templates: templates)
        for week in site.weeks.indices {
            let issue = Newsletter.Issue(newsletter, week: week)
            for leads in [0, 2, 100] {
                for name in ["newsletter", "newsletter-text"] {
                    let context = issue.context(leads: leads)
                    let ours = templates.render(context, template: name)
                    let theirs = reference.render(context, template: name)
                    #expect(ours == theirs, "week \(week) \(name)\n\(firstDifference(ours, theirs))")
                    compared += 1
                }
            }
        }
        return compared
    }

    static func firstDifference(_ ours: String, _ theirs: String) -> String {
        let a = Array(ours.utf8)
        let b = Array(theirs.utf8)
        let index = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        guard index < max(a.count, b.count) else { return "" }
        let from = max(0, index - 80)
        func around(_ bytes: [UInt8]) -> String { String(decoding: bytes[min(from, bytes.count)..<min(index + 80, bytes.count)], as: UTF8.self) }
        return "at byte \(index):\nours:   \(around(a))\ntheirs: \(around(b))"
    }

    static func site(_ folder: URL, config: SiteConfig, templates: TemplateSet) throws -> Site {
        var pipeline = Pipeline(config: config, templates: templates)
        pipeline.now = Date(timeIntervalSince1970: 1_800_000_000)
        return try pipeline.index(ContentLoader(siteDirectory: folder).load()).site
    }

    /// The repository's sample site with the built-in theme, with and without a base URL (which
    /// adds share previews and absolute newsletter links).
    @Test(arguments: [nil, "https://digest.example/"])
    func sampleSite(baseURL: String?) throws {
        var config = SiteConfig.load(from: repositoryRoot).config
        config.baseURL = baseURL
        config.paginate = 2
        let templates = try repositoryTemplates()
        let compared = try Self.compareEverything(Self.site(repositoryRoot, config: config, templates: templates), templates: templates)
        #expect(compared > 100)
    }

    /// The sample site with translations in another language (`t`, `lang`, `dir` per page).
    @Test func languagesFixture() throws {
        let folder = repositoryRoot.appendingPathComponent("Tests/DigestKitTests/Fixtures/languages-site")
        let templates = try repositoryTemplates()
        let config = SiteConfig.load(from: folder).config
        try Self.compareEverything(Self.site(folder, config: config, templates: templates), templates: templates)
    }

    /// A site in two languages: each language's pages (the switcher, names per language,
    /// hreflang) rendered from its edition.
    @Test func bilingualFixture() throws {
        let folder = repositoryRoot.appendingPathComponent("Tests/DigestKitTests/Fixtures/bilingual-site")
        let templates = try repositoryTemplates()
        let config = SiteConfig.load(from: folder).config
        let editions = try Self.site(folder, config: config, templates: templates).editionSites()
        #expect(editions.count == 2)
        for edition in editions { #expect(try Self.compareEverything(edition, templates: templates) > 20) }
    }

    /// A generated corpus (`bench/generate-corpus.py`, the benchmark's): many sections, tags,
    /// speakers, quotes, pages of lists.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3"), "needs /usr/bin/python3"))
    func generatedCorpus() throws {
        let site = try TempSite()
        defer { site.remove() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [
            repositoryRoot.appendingPathComponent("bench/generate-corpus.py").path, "250",
            site.root.appendingPathComponent("Content").path, "--seed", "7",
        ]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        var config = SiteConfig()
        config.title = "Digest <bench> & \"friends\""
        config.timeZone = shanghai()
        config.paginate = 20
        let templates = try repositoryTemplates()
        let compared = try Self.compareEverything(Self.site(site.root, config: config, templates: templates), templates: templates)
        #expect(compared > 1000)
    }
}
