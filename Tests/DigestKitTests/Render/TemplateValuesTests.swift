import Testing

@testable import DigestKit

/// Values handed to templates as `TemplateValues` (for speed) must read, to templates, as the
/// dictionaries they wrap. (Pages are fingerprinted before they are wrapped.)
@Suite struct TemplateValuesTests {
    @Test func templatesReadWrappedValuesAsDictionaries() throws {
        let set = try TemplateSet.compile(
            ["page": "{{#items}}{{title}}{{^last()}}, {{/last()}}{{/items}} ({{count(first)}})"], requiring: []
        ).get()
        let items = [TemplateValues(["title": "A & B"]), TemplateValues(["title": "C"])]
        let html = set.render(["items": items, "first": TemplateValues(["title": "x", "url": "y"])], template: "page")
        #expect(html == "A &amp; B, C (2)")
    }
}
