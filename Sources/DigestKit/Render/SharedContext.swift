import Mustache

/// A part of a template context that many pages share (an article's list item, a week's
/// summary, the navigation), with its fingerprint worked out once instead of on every page
/// that shows it. Templates read it like a dictionary (the renderer knows its type). A struct,
/// not a class: swift-mustache, which rendered templates before, found a struct's conformance a
/// little sooner on every look-up.
struct SharedContext: MustacheParent, @unchecked Sendable {
    let values: [String: Any]
    let fingerprint: UInt64

    init(_ values: [String: Any]) {
        self.values = values
        fingerprint = PageFingerprint.of(values, seed: 0)
    }

    /// For values whose fingerprint is known already (`values` plus something whose fingerprint
    /// is folded in).
    init(_ values: [String: Any], fingerprint: UInt64) {
        self.values = values
        self.fingerprint = fingerprint
    }

    func child(named name: String) -> Any? { values[name] }
}
