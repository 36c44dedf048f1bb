import Foundation
import Testing

@testable import DigestKit

/// A site in several languages writes a 404 page per edition: `404.html` at the root, and
/// `zh/404.html` in Chinese, for hosts that serve a folder's own. Hosts serve them at any depth.
@Suite struct NotFoundPagesTests {
    static let baseURL = BilingualSiteTests.baseURL

    @Test func eachEditionHasA404PageInItsLanguage() throws {
        let site = try BilingualSiteTests.fixtureSite()
        defer { site.remove() }
        try site.build { $0.baseURL = Self.baseURL }
        let root = try site.read("404.html")
        let chinese = try site.read("zh/404.html")
        #expect(root.hasPrefix("<!doctype html>\n<html lang=\"en\">") && root.contains("<h1>Page not found</h1>"))
        #expect(chinese.hasPrefix("<!doctype html>\n<html lang=\"zh\">") && chinese.contains("<h1>找不到页面</h1>"))
        #expect(chinese.contains("<title>找不到页面 · China Desk</title>"))
        // Each lists its own edition's newest articles.
        #expect(chinese.contains("外交部发言人答记者问") && !chinese.contains("Regular press briefing"))
        #expect(root.contains("Regular press briefing") && !root.contains("外交部发言人答记者问"))
        // The switcher, and each other language's home in that language's words.
        #expect(try BilingualSiteTests.switcher(root) == ["current", "./zh/"])
        #expect(try BilingualSiteTests.switcher(chinese) == ["../", "current"])
        let toChinese = "\n  <p lang=\"zh\" dir=\"ltr\"><a href=\"./zh/\" hreflang=\"zh\">查看最新摘要</a></p>\n"
        #expect(root.components(separatedBy: toChinese).count == 2)
        let toEnglish = "\n  <p lang=\"en\" dir=\"ltr\"><a href=\"../\" hreflang=\"en\">Go to the latest digest</a></p>\n"
        #expect(chinese.components(separatedBy: toEnglish).count == 2)
        #expect(!(try site.read("sitemap.xml")).contains("404"))
        #expect(try LinkChecker(output: site.output).check().problems.isEmpty)
    }

    /// With a base URL, each page's `<base href>` is its own folder's address, so its links work
    /// wherever the host serves it (`/digest/zh/any/deep/missing/path`).
    @Test func theirLinksWorkAtAnyDepth() throws {
        let site = try BilingualSiteTests.fixtureSite()
        defer { site.remove() }
        try site.build { $0.baseURL = Self.baseURL }
        for (page, base) in [("404.html", Self.baseURL), ("zh/404.html", Self.baseURL + "zh/")] {
            let html = try site.read(page)
            #expect(html.contains("<base href=\"\(base)\">"), "\(page)")
            // `#main` alone would be read against the base, the home page: the skip link names
            // the 404 page itself, which is where it resolves to from the base.
            #expect(html.contains("<a class=\"skip-link\" href=\"404.html#main\">"), "\(page)")
            // Every other link, the skip link included, must reach a file from the base.
            let links = try LinkChecker(output: site.output).links(in: page).filter { !$0.contains("://") && !$0.hasPrefix("#") }
            #expect(links.count > 10)
            for link in links {
                let named = String(link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0])
                let encoded = try #require(named.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed))
                let resolved = try #require(URL(string: encoded, relativeTo: URL(string: base)))
                let address = resolved.absoluteString
                #expect(address.hasPrefix(Self.baseURL), "\(page): \(link)")
                var file = try #require(String(address.dropFirst(Self.baseURL.count)).removingPercentEncoding)
                if file.isEmpty || file.hasSuffix("/") { file += "index.html" }
                #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent(file).path), "\(page): \(link) → \(file)")
            }
        }
        // Without a base URL the links are relative to the page's own folder, as on any page.
        try site.build()
        #expect(!(try site.read("zh/404.html")).contains("<base "))
        #expect(try site.read("zh/404.html").contains("<link rel=\"stylesheet\" href=\"../assets/"))
        #expect(try LinkChecker(output: site.output).check().problems.isEmpty)
    }

    /// `digest check` reads the 404 pages' links too.
    @Test func digestCheckFindsNothingWrongWithThem() throws {
        let site = try BilingualSiteTests.fixtureSite()
        defer { site.remove() }
        try site.write("site.yml", try String(contentsOf: site.url("site.yml"), encoding: .utf8) + "base_url: \(Self.baseURL)\n")
        let problems = SiteChecker(options: site.options()).check()
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func aSiteInOneLanguageHasOne404Page() throws {
        let site = try TempSite(articles: ["a.md": articleText(extra: "tags: [trade]\n")])
        defer { site.remove() }
        try site.build { $0.baseURL = Self.baseURL }
        let page = try site.read("404.html")
        #expect(page.contains("<base href=\"\(Self.baseURL)\">") && !page.contains("hreflang"))
        let pages = try FileManager.default.subpathsOfDirectory(atPath: site.output.path).filter { $0.hasSuffix("404.html") }
        #expect(pages == ["404.html"])
    }
}
