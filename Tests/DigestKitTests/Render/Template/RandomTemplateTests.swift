import Foundation
import PropertyBased
import Testing

@testable import DigestKit

/// Random templates with random contexts, rendered by the compiled renderer and by
/// swift-mustache: the same bytes, or the same error at the same place.
@Suite struct RandomTemplateTests {
    static func compare(seed: UInt64) throws {
        var generator = RandomTemplate(random: SeededRandom(seed: seed))
        let sources = [
            "page": generator.template(), "p": generator.template(depth: 1, partials: false), "q": "{{a}}\n{{b}}\n",
            "parent": "<{{$block}}default {{a}}{{/block}}>\n  {{$block}}\n{{/block}}\n", "x": "{{a}}|",
        ]
        let context = generator.dictionary()
        let compiled = TemplateSet.compile(sources, requiring: [])
        switch compiled {
        case let .success(templates):
            let reference = try MustacheReference(sources)
            let ours = templates.render(context, template: "page")
            let theirs = reference.render(context, template: "page")
            #expect(ours == theirs, "seed \(seed): \(sources["page"]!.debugDescription)\n\(TemplateDifferentialTests.firstDifference(ours, theirs))")
        case let .failure(failure):
            for (name, text) in sources {
                let reference = MustacheReference.parseError(text)
                let ours = failure.diagnostics.first { $0.file == "Templates/\(name).mustache" }
                #expect(reference?.error == ours.map { String($0.message.dropFirst("template error: ".count)) }, "seed \(seed) \(name)")
                #expect(reference?.line == ours?.line && reference?.column == ours?.column, "seed \(seed) \(name)")
            }
        }
    }

    @Test func randomTemplatesRenderAsSwiftMustacheDoes() async {
        await propertyCheck(count: 3000, input: Gen<UInt64>.value(in: 0...UInt64.max)) { seed in
            try? Self.compare(seed: seed)
        }
    }

    /// The generator is worth its time only if most of its templates render, and their output
    /// is not mostly empty.
    @Test func mostRandomTemplatesCompileAndPrintSomething() {
        var compiled = 0
        var printed = 0
        for seed in 0..<UInt64(300) {
            var generator = RandomTemplate(random: SeededRandom(seed: seed))
            let page = generator.template()
            let context = generator.dictionary()
            let sources = ["page": page, "p": "{{a}}", "q": "", "parent": "{{$block}}{{/block}}", "x": ""]
            guard case let .success(templates) = TemplateSet.compile(sources, requiring: []) else { continue }
            compiled += 1
            if templates.render(context, template: "page").count > 8 { printed += 1 }
        }
        #expect(compiled > 250 && printed > 120, "\(compiled) compiled, \(printed) printed something")
    }

    /// Token soup, mostly malformed: where swift-mustache refuses a template, so must Digest, with
    /// the same error, line and column.
    @Test func malformedTemplatesFailAsSwiftMustacheDoes() async {
        let fragments = [
            "{{", "}}", "{", "}", "{{#a}}", "{{/a}}", "{{/b}}", "{{^a}}", "{{a}}", "{{{a}}}", "{{&a}}", "{{> p}}", "{{<p}}",
            "{{/p}}", "{{$b}}", "{{/b}}", "{{!", "{{! c }}", "{{=", "{{=<% %>=}}", "<%", "%>", "=}}", "{{%", "{{% CONTENT_TYPE: TEXT}}",
            "{{% CONTENT_TYPE: NONE}}", "{{% X: Y}}", "{{a(b)}}", "{{a(b))}}", "{{a(}}", "{{ a b }}", "\n", "\r\n", " ", "x", "é", "(",
        ]
        let soup = Gen<String?>.element(of: fragments).map { $0! }.array(of: 0...12).map { $0.joined() }
        await propertyCheck(count: 1500, input: soup) { text in
            let ours = TemplateSet.compile(["page": text], requiring: [])
            let reference = MustacheReference.parseError(text)
            switch ours {
            case .success:
                #expect(reference == nil, "\(text.debugDescription): swift-mustache says \(reference.map { "\($0)" } ?? "")")
            case let .failure(failure):
                let diagnostic = failure.diagnostics.first
                #expect(reference?.error == diagnostic.map { String($0.message.dropFirst("template error: ".count)) }, "\(text.debugDescription)")
                #expect(
                    reference?.line == diagnostic?.line && reference?.column == diagnostic?.column,
                    "\(text.debugDescription): \(String(describing: diagnostic))")
            }
        }
    }
}
