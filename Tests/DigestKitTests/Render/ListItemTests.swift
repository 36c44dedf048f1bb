import Testing

@testable import DigestKit

/// A list entry reads as its item's values plus `html`, and its fingerprint stands for both.
@Suite struct ListItemTests {
    @Test func readsTheItemsValuesAndItsOwnHTML() throws {
        let item = SharedContext(["title": "A", "html": "not this one"])
        let entry = ListItem(item: item, html: LazyHTML(fingerprint: 1) { "<li>A</li>" }, fingerprint: 9)
        #expect(entry.child(named: "title") as? String == "A")
        #expect((entry.child(named: "html") as? LazyHTML)?.renderText == "<li>A</li>")
        #expect(ListItem(item: item, html: nil, fingerprint: 9).child(named: "html") as? String == "not this one")
        let set = try TemplateSet.compile(["page": "{{#items}}{{{html}}}{{title}}{{/items}}"], requiring: []).get()
        #expect(set.render(["items": [entry, entry]], template: "page") == "<li>A</li>A<li>A</li>A")
    }

    @Test func listFingerprintFollowsEachEntrysFingerprint() {
        let item = SharedContext(["title": "A"])
        func list(_ fingerprints: [UInt64]) -> [String: Any] {
            ["articles": fingerprints.map { ListItem(item: item, html: nil, fingerprint: $0) }]
        }
        #expect(PageFingerprint.of(list([1, 2]), seed: 0) == PageFingerprint.of(list([1, 2]), seed: 0))
        #expect(PageFingerprint.of(list([1, 2]), seed: 0) != PageFingerprint.of(list([1, 3]), seed: 0))
        #expect(PageFingerprint.of(list([1, 2]), seed: 0) != PageFingerprint.of(list([2, 1]), seed: 0))
    }
}
