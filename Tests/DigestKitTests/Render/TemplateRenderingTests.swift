import Mustache
import Testing

@testable import DigestKit

/// Digest renders templates with its own compiled renderer and HTML escaping; pages must come
/// out exactly as swift-mustache, with its own HTML escaping, would make them.
@Suite struct TemplateRenderingTests {
    static let templates = [
        "{{#a}}\n  {{b}}\n{{/a}}\n",
        "  {{#list}}\n- {{.}}\n  {{/list}}\ntail",
        "{{! a comment }}\n{{{raw}}} {{b}} {{&raw}}",
        "{{^missing}}\nnone\n{{/missing}}\n{{b}}",
        "line\n{{> part}}\nend",
        "{{<parent}}{{$middle}}<{{b}}>{{/middle}}{{/parent}}",
        "{{% CONTENT_TYPE: TEXT}}\n{{b}} {{> part}}",
        // Pages render from `TemplateValues`, which must answer a dictionary's transforms.
        "{{count(.)}}{{^empty(.)}} full{{/empty(.)}}",
    ]
    nonisolated(unsafe) static let context: [String: Any] = [
        "a": true, "b": "<b> & \"quotes\" 'single' café 网络", "raw": "<i>kept</i>",
        "list": ["x < y", "y > z", "plain"],
    ]

    @Test(arguments: templates)
    func rendersAsSwiftMustacheDoes(_ text: String) throws {
        let others = ["part": "  {{b}}\n", "parent": "top {{b}}\n{{$middle}}{{/middle}}\nend"]
        let ours = try TemplateSet.compile(others.merging(["page": text]) { $1 }, requiring: []).get()
        var upstream = MustacheLibrary()
        upstream.register(try MustacheTemplate(string: text), named: "page")
        for (name, other) in others { upstream.register(try MustacheTemplate(string: other), named: name) }
        let expected = try #require(upstream.render(Self.context, withTemplate: "page"))
        #expect(ours.render(Self.context, template: "page") == expected)
    }

    /// swift-mustache compares whole Characters, so `<` with a combining mark slips through its
    /// escaping; Digest's escapes it. That difference shows Digest's escaping is the one in use,
    /// in pages, in partials and in layouts.
    @Test func digestEscapingIsInUseEverywhere() throws {
        let set = try TemplateSet.compile(
            [
                "page": "{{<layout}}{{$main}}{{b}}|{{> part}}{{/main}}{{/layout}}",
                "layout": "{{b}}|{{$main}}{{/main}}", "part": "{{b}}",
            ], requiring: []
        ).get()
        #expect(set.render(["b": "<\u{301}"], template: "page") == "&lt;\u{301}|&lt;\u{301}|&lt;\u{301}")
    }

    @Test func textPragmaStillTurnsEscapingOff() throws {
        let set = try TemplateSet.compile(["mail": "{{% CONTENT_TYPE: TEXT}}\n{{b}}"], requiring: []).get()
        #expect(set.render(["b": "Q&A <now>"], template: "mail") == "Q&A <now>")
    }

    @Test func escapesTheFiveCharactersAndNothingElse() {
        #expect(
            HTMLEscaping.escape(#"<a href="x">Tom & Jerry's</a>"#)
                == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(HTMLEscaping.escape("网络安全 — café 🚀") == "网络安全 — café 🚀")
        #expect(HTMLEscaping.escape("") == "")
        #expect(HTMLEscaping.escape("🚀<🚀") == "🚀&lt;🚀")
    }

    @Test func templateErrorsNameTheLineOfTheFile() throws {
        let failure = try #require(TemplateSet.compile(["day": "one\ntwo {{#open}}\n"], requiring: []).failure)
        let diagnostic = try #require(failure.diagnostics.first { $0.file.hasSuffix("day.mustache") })
        // The parser stops at the end of the text, past the last line break.
        #expect(diagnostic.line == 3)
        #expect(failure.diagnostics.count == 1)
    }

    @Test(arguments: ["", "a", "\u{1}root\u{1}", "x\u{1}root\u{1}\u{1}root\u{1}y", "\u{1}ro\u{1}root\u{1}t", "é\u{1}root\u{1}网"])
    func itemPiecesSplitLikeTheStandardLibrary(_ html: String) {
        let marker = ItemHTMLCache.rootPlaceholder
        let pieces = ItemHTMLCache.cut(Array(html.utf8), at: Array(marker.utf8)).map { String(decoding: $0, as: UTF8.self) }
        #expect(pieces == html.split(separator: marker, omittingEmptySubsequences: false).map(String.init))
    }
}

private extension Result {
    var failure: Failure? {
        if case let .failure(failure) = self { return failure }
        return nil
    }
}
