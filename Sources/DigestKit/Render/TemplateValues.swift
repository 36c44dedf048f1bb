import Mustache

/// Template values as swift-mustache reads them fastest. It finds a struct's own
/// `MustacheParent` conformance sooner than a dictionary's conditional one, on every name it
/// looks up, so pages are handed over in this form. Dictionaries inside are wrapped only where they are made in
/// numbers (newsletter entries): converting a page's values just before rendering cost more
/// than it saved.
struct TemplateValues: MustacheParent, MustacheTransformable, @unchecked Sendable {
    let values: [String: Any]

    init(_ values: [String: Any]) {
        self.values = values
    }

    func child(named name: String) -> Any? { values[name] }

    /// A dictionary's transforms (`count`, `empty`…), as templates had them before.
    func transform(_ name: String) -> Any? { values.transform(name) }
}
