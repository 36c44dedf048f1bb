import Testing

@testable import DigestKit

@Suite struct MarkdownEscaperTests {
    /// What cmark-gfm writes for text that is only text.
    func literalParagraph(_ text: String) -> String {
        let html = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        return "<p>\(html)</p>\n"
    }

    @Test(arguments: [
        "# Not a heading", "## Not either", "> not a quote", "- not a list", "+ not a list", "* not a list",
        "1. not an ordered list", "2019) not one either", "2019. A year of talks", "---", "- - -", "***", "___",
        "=", "==", "Use *stars*, **bold**, _underscores_ and `code`", "[a link](/x) and ![img](a.png)",
        "<b>bold</b> <script>alert(1)</script> <!-- comment -->", "a \\ backslash and \\* escaped star",
        "pipes | in | text", "~~struck~~ and ~one~", "&amp; &#38; &#x26; &copy; stay as written",
        "AT&T & R&D", "[^1] footnote and [ ] task", "trailing backslash \\", "[ref]: /x",
        "\"Quoted passage,\" said a spokesperson.", "1) first", "| a | b |",
    ])
    func specialCharactersRenderLiterally(text: String) {
        #expect(Markdown.render(MarkdownEscaper.escape(text)).html == literalParagraph(text))
    }

    /// GFM autolinks bare addresses; the reader still sees exactly the address, now clickable.
    @Test(arguments: [
        ("See http://example.org/a_b_c now", "See <a href=\"http://example.org/a_b_c\">http://example.org/a_b_c</a> now"),
        ("Visit www.mfa.gov.cn/press_room.", "Visit <a href=\"http://www.mfa.gov.cn/press_room\">www.mfa.gov.cn/press_room</a>."),
        ("Mail press_office@mfa.gov.cn, *now*", "Mail <a href=\"mailto:press_office@mfa.gov.cn\">press_office@mfa.gov.cn</a>, *now*"),
        ("(https://x.org/a_(b)_c)_", "(<a href=\"https://x.org/a_(b)_c\">https://x.org/a_(b)_c</a>)_"),
        ("www.x.org<b>", "www.x.org&lt;b&gt;"),
        ("http://x.org/a_b<b>", "http://x.org/a_b&lt;b&gt;"),
        ("mail a_b@x.org<b>", "mail <a href=\"mailto:a_b@x.org\">a_b@x.org</a>&lt;b&gt;"),
    ])
    func bareAddressesBecomeLinksShowingThemselves(text: String, html: String) {
        #expect(Markdown.render(MarkdownEscaper.escape(text)).html == "<p>\(html)</p>\n")
    }

    @Test func leadingSpacesDoNotMakeCode() {
        #expect(Markdown.render(MarkdownEscaper.escape("    four spaces")).html == "<p>four spaces</p>\n")
    }

    @Test func setextUnderlinesOnLaterLinesAreEscaped() {
        #expect(Markdown.render(MarkdownEscaper.escape("Line one\n---")).html == "<p>Line one\n---</p>\n")
        #expect(Markdown.render(MarkdownEscaper.escape("Line one\n===")).html == "<p>Line one\n===</p>\n")
    }

    @Test func ordinaryPunctuationIsLeftReadable() {
        let text = "China's GDP grew 6.6% in 2018 - up from $12.2 trillion (officials said): \"good\"! #1? C# + F# = 2. Tom & Jerry."
        #expect(MarkdownEscaper.escape(text) == text)
    }

    @Test func onlyTheMarkersAreEscaped() {
        #expect(MarkdownEscaper.escape("1. first") == "1\\. first")
        #expect(MarkdownEscaper.escape("- item *x* <b>") == "\\- item \\*x\\* \\<b>")
        #expect(MarkdownEscaper.escape("# tag") == "\\# tag")
    }
}
