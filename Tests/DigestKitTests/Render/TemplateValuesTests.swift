import Testing
@testable import DigestKit

/// Values handed to templates as `TemplateValues` (for speed) must stay, to fingerprints and
/// templates, the dictionaries they wrap.
@Suite struct TemplateValuesTests {
    @Test func fingerprintIsTheWrappedDictionarys() {
        let inner: [String: Any] = ["title": "A", "count": 2, "draft": false]
        let plain: [String: Any] = ["item": inner, "items": [inner, inner]]
        let wrapped: [String: Any] = ["item": TemplateValues(inner), "items": [TemplateValues(inner), TemplateValues(inner)]]
        #expect(PageFingerprint.of(wrapped, seed: 7) == PageFingerprint.of(plain, seed: 7))
        var changed = inner
        changed["title"] = "B"
        #expect(PageFingerprint.of(["item": TemplateValues(changed)], seed: 7) != PageFingerprint.of(["item": TemplateValues(inner)], seed: 7))
    }

    @Test func templatesReadWrappedValuesAsDictionaries() throws {
        let set = try TemplateSet.compile(
            ["page": "{{#items}}{{title}}{{^last()}}, {{/last()}}{{/items}} ({{count(first)}})"], requiring: []).get()
        let items = [TemplateValues(["title": "A & B"]), TemplateValues(["title": "C"])]
        let html = set.render(["items": items, "first": TemplateValues(["title": "x", "url": "y"])], template: "page")
        #expect(html == "A &amp; B, C (2)")
    }
}
