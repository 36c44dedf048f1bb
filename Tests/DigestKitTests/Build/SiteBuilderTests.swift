import Foundation
import Testing

@testable import DigestKit

@Suite struct SiteBuilderTests {
    @Test func sampleSiteBuildsWithEveryPageKindAndNoBrokenLinks() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("digest-sample-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        var options = BuildOptions(siteDirectory: repositoryRoot, outputDirectory: output)
        options.now = Date(timeIntervalSince1970: 1_800_000_000)
        let summary = try SiteBuilder(options: options).build()
        #expect(summary.articles >= 15)
        #expect(summary.skippedDrafts == 1)
        #expect(summary.warnings.isEmpty, "\(summary.warnings)")
        for page in [
            "index.html", "archive/index.html", "years/2019/index.html", "weeks/2019-W07/index.html",
            "days/2019-02-13/index.html", "days/2019-02-14/index.html", "sections/diplomacy/index.html",
            "tags/index.html", "tags/cybersecurity/index.html", "speakers/index.html",
            "speakers/hua-chunying/index.html", "assets/style.css",
        ] {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(page).path), "\(page)")
        }
        let (problems, checked) = try LinkChecker(output: output).check()
        #expect(problems.isEmpty, "\(problems.prefix(10))")
        #expect(checked > 500)
        // The page bundle's image is copied beside its page.
        #expect(
            FileManager.default.fileExists(
                atPath: output.appendingPathComponent(
                    "2019/03/08/trade-talks-chart/tariff-chart.svg"
                ).path))
    }

    @Test func pagesAreValidHTML5ShellsWithLanguageAndRelativeAssets() throws {
        let site = try TempSite(articles: ["2019-02-13-ministry-briefing.md": articleText()])
        defer { site.remove() }
        try site.build()
        let article = try site.read("2019/02/13/ministry-briefing/index.html")
        #expect(article.hasPrefix("<!doctype html>"))
        #expect(article.contains("<html lang=\"en\">"))
        #expect(article.contains("href=\"../../../../assets/style.css\""))
        #expect(article.contains("<main id=\"main\""))
        #expect(article.contains("class=\"skip-link\""))
        #expect(!article.contains("\r"))
    }

    @Test func titlesTagsAndNamesAreEscaped() throws {
        let site = try TempSite(articles: [
            "2019-02-13-script-alert.md": articleText(
                title: "'<script>alert(1)</script> & \"quotes\"'",
                extra: "tags: ['<img src=x onerror=alert(1)>']\nspeakers: ['Bob <b>Bold</b>']\nsummary: '<i>sum</i>'\nsource: '<u>src</u>'\n")
        ])
        defer { site.remove() }
        try site.build()
        let pages = try snapshot(of: site.output).filter { $0.key.hasSuffix(".html") }
        #expect(pages.count > 5)
        for (path, data) in pages {
            let html = String(decoding: data, as: UTF8.self)
            #expect(!html.contains("<script>alert"), "\(path)")
            #expect(!html.contains("<img src=x"), "\(path)")
            #expect(!html.contains("<b>Bold"), "\(path)")
            #expect(!html.contains("<i>sum"), "\(path)")
        }
        let article = try site.read("2019/02/13/script-alert/index.html")
        #expect(article.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"))
    }

    @Test func everyBadFileIsReportedAndPublicIsLeftByteIdentical() throws {
        let site = try TempSite(articles: ["good.md": articleText()])
        defer { site.remove() }
        try site.build()
        let before = try snapshot(of: site.output)
        try site.write("Content/unclosed.md", "---\ntitle: A\n")
        try site.write("Content/baddate.md", articleText(date: "\"2019/2/30 25:61:00\""))
        try site.write("Content/nosection.md", "---\ntitle: A\ndate: 2019-02-13\n---\n")
        try site.write("Content/latin1.md", Data([0x2D, 0x2D, 0x2D, 0x0A, 0xE9, 0x0A]))
        try site.write("Content/good2.md", articleText(title: "Another"))
        do {
            try site.build()
            Issue.record("the build should fail")
        } catch let error as BuildFailure {
            let files = Set(error.errors.map(\.file))
            #expect(files == ["Content/unclosed.md", "Content/baddate.md", "Content/nosection.md", "Content/latin1.md"])
            #expect(error.errors.allSatisfy { $0.line != nil })
        }
        #expect(try snapshot(of: site.output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".Public") }
        #expect(leftovers.isEmpty)
    }

    @Test func draftsAndFutureArticlesAreLeftOutUnlessAsked() throws {
        let site = try TempSite(articles: [
            "now.md": articleText(title: "Published"),
            "2019-02-13-secret-draft.md": articleText(title: "Secret draft", extra: "draft: true\n"),
            "future.md": articleText(title: "Tomorrow", date: "\"2099-01-01T10:00:00+08:00\""),
        ])
        defer { site.remove() }
        let summary = try site.build()
        #expect(summary.skippedDrafts == 1)
        #expect(summary.skippedFuture == 1)
        let all = try snapshot(of: site.output).values.map { String(decoding: $0, as: UTF8.self) }.joined()
        #expect(!all.contains("Secret draft"))
        #expect(!all.contains("Tomorrow"))
        #expect(all.contains("Published"))

        let withAll = try site.build {
            $0.includeDrafts = true
            $0.includeFuture = true
        }
        #expect(withAll.articles == 3)
        #expect(try site.read("2019/02/13/secret-draft/index.html").contains("Draft"))
    }

    @Test func staleArticlePagesAreRemovedOnRebuild() throws {
        let site = try TempSite(articles: ["2019-02-13-first.md": articleText(title: "First"), "2019-02-13-second.md": articleText(title: "Second")])
        defer { site.remove() }
        try site.build()
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("2019/02/13/second/index.html").path))
        try FileManager.default.removeItem(at: site.url("Content/2019-02-13-second.md"))
        try site.build()
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("2019/02/13/second/index.html").path))
    }

    @Test func linksWorkUnderASubPathAndWithIndexFileLinksForDisk() throws {
        let site = try TempSite(
            siteYML: "title: T\ntimezone: Asia/Shanghai\nlink_index_html: true\npaginate: 1\n",
            articles: [
                "a.md": articleText(title: "One", extra: "tags: [x]\nspeakers: [Y]\n"),
                "b.md": articleText(title: "Two", date: "2019-02-20", extra: "tags: [x]\n"),
            ])
        defer { site.remove() }
        try site.build()
        let (problems, checked) = try LinkChecker(output: site.output).check(subPath: "/a/deep/sub/path/")
        #expect(problems.isEmpty, "\(problems)")
        #expect(checked > 50)
        let links = try LinkChecker(output: site.output).links(in: "tags/x/page/2/index.html")
        #expect(links.contains("../../../../index.html"))
        #expect(links.filter { !$0.hasPrefix("#") && !$0.contains("://") }.allSatisfy { $0.hasSuffix(".html") || $0.hasSuffix(".css") || $0.hasSuffix(".svg") })
    }

    @Test func warningsDoNotStopTheBuild() throws {
        let site = try TempSite(articles: ["a.md": articleText(extra: "autor: x\n", body: "![x](missing.png)")])
        defer { site.remove() }
        let summary = try site.build()
        #expect(summary.warnings.count == 2)
        #expect(summary.line.contains("2 warnings"))
    }

    @Test func templateErrorNamesTheTemplateAndLine() throws {
        let site = try TempSite(articles: ["a.md": articleText()])
        defer { site.remove() }
        try site.write("Templates/day.mustache", "line one\n{{#open}}\n")
        do {
            try site.build()
            Issue.record("the build should fail")
        } catch let error as BuildFailure {
            #expect(error.errors.first?.file == "Templates/day.mustache")
            #expect(error.errors.first?.line != nil)
        }
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }
}

@Suite struct AssetCopyTests {
    @Test func pageBundleFilesAreCopiedBesideThePageLinkedOrNot() throws {
        let site = try TempSite(articles: [
            "bundle/index.md": articleText(title: "Bundle", body: "![chart](img/chart.svg)"),
            "bundle/img/chart.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
            "bundle/data.csv": "a,b\n1,2\n",
            "flat.md": articleText(title: "Flat", body: "[data](other.csv)"),
            "other.csv": "x\n",
            "unrelated.pdf": "%PDF",
        ])
        defer { site.remove() }
        try site.build()
        let files = try snapshot(of: site.output)
        #expect(files["2019/02/13/bundle/img/chart.svg"] != nil)
        #expect(files["2019/02/13/bundle/data.csv"] == Data("a,b\n1,2\n".utf8))
        #expect(files["2019/02/13/flat/other.csv"] != nil)
        #expect(!files.keys.contains { $0.hasSuffix("unrelated.pdf") })
    }
}
