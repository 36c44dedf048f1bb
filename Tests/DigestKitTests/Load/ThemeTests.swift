import Foundation
import Testing

@testable import DigestKit

@Suite struct ThemeTests {
    static let story = "---\ntitle: Talks resume\ndate: \"2019-02-13T09:15:25+08:00\"\nsection: DIPLOMACY\n---\n\nBody.\n"

    /// A site with no `Templates/` at all, or only the given files in it.
    func site(templates: [String: String] = [:]) throws -> TempSite {
        let site = try TempSite(articles: ["2019-02-13-talks-resume.md": Self.story])
        try FileManager.default.removeItem(at: site.url("Templates"))
        for (path, text) in templates { try site.write("Templates/\(path)", text) }
        return site
    }

    func build(_ site: TempSite, cache: Bool = false) throws -> BuildSummary {
        var options = BuildOptions(siteDirectory: site.root)
        options.useCache = cache
        return try SiteBuilder(options: options).build()
    }

    @Test func theBuiltInThemeIsTheRepositorysDefaultThemeByteForByte() throws {
        let folder = repositoryRoot.appendingPathComponent("Sources/DigestKit/Resources/DefaultTheme")
        let onDisk = try snapshot(of: folder)
        #expect(Set(BuiltInTheme.files.keys) == Set(onDisk.keys))
        for (path, data) in onDisk { #expect(BuiltInTheme.files[path] == data, "\(path)") }
    }

    @Test func aSiteWithoutTemplatesBuildsWithTheBuiltInTheme() throws {
        let site = try site()
        defer { site.remove() }
        _ = try build(site)
        #expect(try site.read("2019/02/13/talks-resume/index.html").contains("<h1 dir=\"auto\">Talks resume</h1>"))
        let css = try Data(contentsOf: site.output.appendingPathComponent("assets/style.css"))
        #expect(css == BuiltInTheme.files["assets/style.css"])
    }

    @Test func oneOverriddenTemplateGetsTheBuiltInRest() throws {
        let article = "{{<base}}{{$content}}<p class=\"mine\">{{article.title}}</p>{{/content}}{{/base}}\n"
        let site = try site(templates: ["article.mustache": article])
        defer { site.remove() }
        _ = try build(site)
        let page = try site.read("2019/02/13/talks-resume/index.html")
        #expect(page.contains("<p class=\"mine\">Talks resume</p>"))
        #expect(page.contains("assets/style.css"), "the built-in base template wraps it")
        #expect(try site.read("index.html").contains("Talks resume"))
        #expect(Theme.load(overriding: site.url("Templates")).overridden == ["article.mustache"])
    }

    @Test func oneOverriddenPartialAndAssetAreUsedEverywhere() throws {
        let site = try site(templates: [
            "partials/footer.mustache": "<footer class=\"desk-footer\">Our desk</footer>\n",
            "assets/style.css": "body { color: teal }\n",
        ])
        defer { site.remove() }
        _ = try build(site)
        #expect(try site.read("index.html").contains("<footer class=\"desk-footer\">Our desk</footer>"))
        #expect(try site.read("2019/02/13/talks-resume/index.html").contains("desk-footer"))
        #expect(try site.read("assets/style.css") == "body { color: teal }\n")
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("assets/search.js").path))
    }

    @Test func aBrokenOverrideIsAnErrorNamingTheSitesFile() throws {
        let site = try site(templates: ["partials/item.mustache": "{{#open}} never closed\n"])
        defer { site.remove() }
        #expect {
            try build(site)
        } throws: { error in
            (error as? BuildFailure)?.diagnostics.contains { $0.file == "Templates/partials/item.mustache" } == true
        }
    }

    @Test func builtInAssetsAreKeptByARebuildAndReplacedWhenOverridden() throws {
        let site = try site()
        defer { site.remove() }
        _ = try build(site, cache: true)
        let again = try build(site, cache: true)
        #expect(again.report.written == 0)
        try site.write("Templates/assets/style.css", "body { color: navy }\n")
        _ = try build(site, cache: true)
        #expect(try site.read("assets/style.css") == "body { color: navy }\n")
        try FileManager.default.removeItem(at: site.url("Templates"))
        _ = try build(site, cache: true)
        #expect(try Data(contentsOf: site.output.appendingPathComponent("assets/style.css")) == BuiltInTheme.files["assets/style.css"])
    }
}

@Suite struct ThemeEjectTests {
    @Test func namesStandForTemplatesFilesAndFolders() throws {
        #expect(try ThemeEject.paths(for: ["article"]) == ["article.mustache"])
        #expect(try ThemeEject.paths(for: ["partials/item", "assets/style.css"]) == ["partials/item.mustache", "assets/style.css"])
        #expect(try ThemeEject.paths(for: ["partials"]).allSatisfy { $0.hasPrefix("partials/") })
        #expect(try ThemeEject.paths(for: []) == ThemeEject.builtInPaths)
        #expect(throws: ThemeEject.EjectError.self) { try ThemeEject.paths(for: ["artcle"]) }
    }

    @Test func ejectCopiesTheBuiltInFilesAndNeverOverwrites() throws {
        let site = try TempSite()
        defer { site.remove() }
        try FileManager.default.removeItem(at: site.url("Templates"))
        try site.write("Templates/article.mustache", "mine\n")
        let report = try ThemeEject(siteDirectory: site.root).eject(try ThemeEject.paths(for: ["article", "partials/item"]))
        #expect(report.written == ["partials/item.mustache"])
        #expect(report.kept == ["article.mustache"])
        #expect(try String(contentsOf: site.url("Templates/article.mustache"), encoding: .utf8) == "mine\n")
        #expect(try Data(contentsOf: site.url("Templates/partials/item.mustache")) == BuiltInTheme.files["partials/item.mustache"])
    }
}
