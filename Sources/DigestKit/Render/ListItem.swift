import Mustache

/// An article's entry in a list on one page: its shared item values, and `html`, the item
/// partial rendered for the page's root. Lookups go to the shared values: adding `html` to a
/// copy of them cost a dictionary copy for every entry of every list.
struct ListItem: MustacheParent, @unchecked Sendable {
    let item: SharedContext
    let html: LazyHTML?
    /// The item's fingerprint with the root's, which is all `html` is made from.
    let fingerprint: UInt64

    func child(named name: String) -> Any? {
        if let html, name == "html" { return html }
        return item.child(named: name)
    }
}
