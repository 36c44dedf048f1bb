import Foundation
import PropertyBased
import Testing

@testable import DigestKit

/// Building blocks for the fuzz tests: fragments that random text is made of, chosen to reach
/// the corners of YAML, Markdown, Unicode and HTML that real articles touch now and then.
enum FuzzInput {
    /// Right-to-left text and overrides, combining marks, ZWJ sequences, NUL and other controls,
    /// BOMs, line separators, compatibility characters.
    static let oddUnicode: [String] = [
        "مرحبا", "שלום", "\u{202E}evil\u{202C}", "\u{200F}", "\u{2066}x\u{2069}", "e\u{301}\u{302}\u{303}\u{304}",
        "\u{301}", "👩‍👩‍👧‍👦", "🏳️‍🌈", "🇺🇸", "🚀", "\u{200D}", "\u{200B}", "\0", "\u{1}", "\u{7F}", "\u{85}",
        "\u{FEFF}", "\u{2028}", "\u{2029}", "\u{FFFD}", "\u{E000}", "\u{10FFFF}", "𝕏", "ﬁ", "İ", "ß", "℀", "½",
        "網絡安全", "\u{0345}", "ǅ", "\u{1F3FB}", "\t", "\r", "\r\n", "\u{B}", "\u{C}", "\u{FE0F}", "\u{1D173}",
        "Ⅻ", "٣", "\u{2044}", "∕", "⁄", "／", "＼", "．", "\u{2024}",
    ]

    static let yamlish: [String] = [
        "title: ", "date: ", "section: ", "tags: ", "speakers: ", "summary: ", "source: ", "slug: ", "draft: ",
        "\n", "\n", "\n", "  ", "- ", ": ", "[", "]", "{", "}", ", ", "'", "\"", "\\", "&a ", "*a", "!!binary ",
        "!!str ", "!tag ", "? ", "|", ">-", "#", "---", "...", "%YAML 1.2\n", "<<: *a\n", "2019-02-13",
        "\"2019-02-13T09:15:25+08:00\"", "2019/2/30", "2019-13-01 25:61", "9999-12-31T23:59:59-18:00", "true",
        "null", "~", "0x1F", "1e999", ".nan", "DIPLOMACY", "word", "Hua Chunying", "<script>", "{{x}}", "=",
        "\t",
    ]

    static let markdownish: [String] = [
        "\n", "\n\n", " ", "    ", "> ", "- ", "1. ", "* ", "+ ", "# ", "```", "~~~", "`", "*", "**", "_", "~~",
        "[", "]", "(", ")", "![", "](", "<", ">", "<div>", "</div>", "<script>alert(1)</script>", "<!--", "-->",
        "&amp;", "&#0;", "&#x110000;", "|", "| --- |", "[^1]", "[^1]: note", "- [ ] ", "- [x] ", "www.example.org",
        "https://x.org/a_b", "mailto:a@b.c", "a@b.c", "\\", "***", "---", "===", "text", "chart.png",
        "../../etc/passwd", "sub/img.png", "%2e%2e/x.png", "#anchor", "?q=1",
    ]

    /// Tags and attribute break-outs that must reach pages only as text. Each carries `fz`, which
    /// `liveMarkup(in:)` looks for.
    static let hostile: [String] = [
        "<fz>", "<FZ x=1>", "</fz>", "<fz/>", "<script>fz()</script>", "<img src=x onerror=fz>",
        "<svg/onload=fz>", "\" onfocus=\"fz", "\"><fz>", "<!--fz-->", "<![CDATA[fz]]>", "{{fz}}", "{{{fz}}}",
        "&lt;fz&gt;", "<a href=\"javascript:fz\">",
    ]

    /// Random text made of `fragments`, `count` of them.
    static func text(_ fragments: [String], count: ClosedRange<Int>) -> Generator<String, some SendableSequenceType> {
        Gen<String?>.element(of: fragments).map { $0! }.array(of: count).map { $0.joined() }
    }

    /// Unicode scalars from the whole range (surrogates fall back to U+FFFD).
    static let anyScalar = Gen<UInt32>.value(in: 0...0x10FFFF)
        .map { Character(UnicodeScalar($0) ?? "\u{FFFD}") }

    /// Places where a live tag or attribute from user text would show: the hostile fragments
    /// unescaped. Escaped, they read `&lt;fz&gt;` or `&quot; onfocus=&quot;fz`.
    static func liveMarkup(in html: String) -> [String] {
        let lowered = html.lowercased()
        return [
            "<fz", "</fz", "<script>fz", "<img src=x", "<svg/onload", "onfocus=\"fz", "<!--fz", "<![cdata[fz",
            "<a href=\"javascript:fz",
        ].filter { lowered.contains($0) }
    }

    /// A YAML double-quoted scalar holding `text` exactly, whatever it contains.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case _
            where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
                || scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{FEFF}":
                result += String(format: "\\u%04X", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    static func source(_ path: String, _ text: String) -> SourceFile {
        SourceFile(path: path, bytes: Data(text.utf8))
    }
}

/// An in-memory site: the repository's templates, articles as `SourceFile`s, no disk.
struct MemorySite {
    /// Compiled once: the fuzz tests build hundreds of sites.
    static let templates: TemplateSet? = try? repositoryTemplates()

    var config = SiteConfig()

    init(unsafeHTML: Bool = false) {
        config.title = "Fuzz Desk"
        config.timeZone = shanghai()
        config.unsafeHTML = unsafeHTML
        config.paginate = 2
    }

    func pipeline() throws -> Pipeline {
        var pipeline = Pipeline(config: config, templates: try #require(Self.templates))
        pipeline.now = Date(timeIntervalSince1970: 1_900_000_000)
        // Asset paths need a root to point into; nothing is read from it in memory.
        pipeline.contentRoot = URL(fileURLWithPath: "/nonexistent-digest-site")
        return pipeline
    }

    func run(_ sources: [SourceFile], assets: Set<String> = []) throws -> Result<Pipeline.Result, BuildFailure> {
        let pipeline = try pipeline()
        do {
            return .success(try pipeline.run(ContentSnapshot(sources: sources, assets: assets)))
        } catch {
            return .failure(error)
        }
    }
}
