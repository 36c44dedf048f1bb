import Foundation
import Testing

@testable import DigestKit

@Suite struct SearchIndexTests {
    /// The argument list of a script `NAME(…);` as JSON.
    static func arguments(_ script: String, call: String) throws -> [Any] {
        #expect(script.hasPrefix(call + "(") && script.hasSuffix(");\n"))
        let inner = script.dropFirst(call.count + 1).dropLast(3)
        return try JSONSerialization.jsonObject(with: Data("[\(inner)]".utf8)) as! [Any]
    }

    static func manifest(_ site: TempSite) throws -> [String: Any] {
        let script = try site.read(SearchIndex.file)
        #expect(script.hasPrefix("window.DIGEST_SEARCH = "))
        let json = script.dropFirst("window.DIGEST_SEARCH = ".count).dropLast(2)
        return try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
    }

    @Test func everyFieldAndTheBodyAreIndexedForPublishedArticlesOnly() throws {
        let site = try TempSite(articles: [
            "网络安全-briefing.md": articleText(
                title: "网络安全 briefing", date: "\"2019-02-12T09:00:00+08:00\"",
                extra: "tags: [网络安全, الأمن]\nspeakers: [Hua Chunying]\nsummary: Summary text\nsource: Xinhua\n",
                body: "Talks in <b>Zürich</b> on 墨子号.\n\n<script>hiddenCode()</script>"),
            "b.md": articleText(title: "Newer", date: "\"2019-02-14T09:00:00+08:00\"", section: "ECONOMY"),
            "d.md": articleText(title: "Draft only", extra: "draft: true\n"),
            "f.md": articleText(title: "Future only", date: "\"2099-01-01\""),
        ])
        defer { site.remove() }
        try site.build()
        let manifest = try Self.manifest(site)
        #expect(manifest["docs"] as? Int == 2)
        let keys = Set((manifest["keys"] as! String).split(separator: " ").map(String.init))
        #expect(keys.isSuperset(of: ["zu", "墨", "hu", "xi", "su", "di", "ta"]))
        #expect(!keys.contains("hi") && !keys.contains("dr") && !keys.contains("fu"), "\(keys)")
        let facets = (manifest["facets"] as! [[String]]).map { $0[0] }
        #expect(facets == ["section-diplomacy", "section-economy", "speaker-hua-chunying", "week-2019-W07"])

        // Ids run oldest first: the older article is 0.
        let doc = try Self.arguments(try site.read("search/docs/0.js"), call: "DIGEST_SEARCH_DOC")
        #expect(doc[0] as? Int == 0)
        let fields = doc[1] as! [String: Any]
        #expect(fields["t"] as? String == "网络安全 briefing")
        #expect(fields["u"] as? String == "2019/02/12/网络安全-briefing/")
        #expect(fields["d"] as? String == "2019-02-12")
        #expect(fields["s"] as? String == "Diplomacy" || fields["s"] as? String == "DIPLOMACY")
        #expect(fields["g"] as? [String] == ["网络安全", "الأمن"])
        #expect(fields["p"] as? [String] == ["Hua Chunying"])
        #expect(fields["m"] as? String == "Summary text")
        #expect(fields["o"] as? String == "Xinhua")
        #expect(fields["x"] as? String == "Talks in Zürich on 墨子号.")
        #expect(fields["l"] == nil, "an article in the site's language is not marked")

        // zurich is in the body of document 0 only: gap 1, field bits 1 (9: "J").
        let shard = try Self.arguments(try site.read("search/terms/t_zu.js"), call: "DIGEST_SEARCH_SHARD")
        #expect(shard[0] as? String == "zu" && shard[1] as? [String] == ["zurich"] && shard[2] as? [String] == ["J"])
        // "briefing" is in the title only: the title bit, 4 (12: "M").
        let br = try Self.arguments(try site.read("search/terms/t_br.js"), call: "DIGEST_SEARCH_SHARD")
        #expect(br[1] as? [String] == ["briefing"] && br[2] as? [String] == ["M"])

        let page = try site.read("search/index.html")
        #expect(page.contains("<script src=\"../search/index-data.js\"></script>"))
        #expect(page.contains("<label for=\"search-query\">") && page.contains("aria-live=\"polite\"") && page.contains("<noscript>"))
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("assets/search.js").path))
    }

    /// U+2028 and U+2029 end a line inside a string for older JavaScript engines; the index
    /// spells them as escapes, and the rest of the text survives unchanged.
    @Test func anArticleInAnotherLanguageIsMarkedWithItAndItsThaiIsSplitIntoPairs() throws {
        let site = try TempSite(articles: [
            "thai.md": articleText(title: "แถลงข่าว", extra: "language: th\n", body: "กระทรวงการต่างประเทศแถลงข่าว"),
            "zh.md": articleText(title: "答记者问", date: "\"2019-02-14T09:00:00+08:00\"", extra: "language: zh\n"),
        ])
        defer { site.remove() }
        try site.build()
        let thai = try Self.arguments(try site.read("search/docs/0.js"), call: "DIGEST_SEARCH_DOC")[1] as! [String: Any]
        let chinese = try Self.arguments(try site.read("search/docs/1.js"), call: "DIGEST_SEARCH_DOC")[1] as! [String: Any]
        #expect(thai["l"] as? String == "th" && chinese["l"] as? String == "zh")
        // ต่างประเทศ's pairs start with ต and ร; the whole run is not one term.
        let keys = Set((try Self.manifest(site)["keys"] as! String).split(separator: " ").map(String.init))
        #expect(keys.isSuperset(of: ["ต", "ร", "ท"]), "\(keys)")
        let shard = try Self.arguments(try site.read("search/terms/t_\("ต").js"), call: "DIGEST_SEARCH_SHARD")
        #expect((shard[1] as? [String] ?? []).contains("ต่"), "\(shard)")
    }

    @Test func lineAndParagraphSeparatorsAreEscaped() throws {
        let site = try TempSite(articles: ["a.md": articleText(title: "\"One\u{2028}two\u{2029}three é\"", extra: "summary: \"x\u{2028}y\"\n")])
        defer { site.remove() }
        try site.build()
        let script = try site.read("search/docs/0.js")
        #expect(!script.contains("\u{2028}") && !script.contains("\u{2029}"))
        #expect(script.contains("One\\u2028two\\u2029three é"))
        #expect(script.contains("x\\u2028y"))
    }
}
