import Mustache

/// A page's values as templates get them. The compiled renderer (`Render/Template/`) reads it
/// as directly as a dictionary; it is kept because `{{.}}` at a page's top has always printed
/// it, and user templates must render as before. (swift-mustache found its `MustacheParent`
/// conformance sooner than a dictionary's; the conformances stay for values read the general
/// way and for the tests' swift-mustache reference.) Newsletter entries come in this form too.
struct TemplateValues: MustacheParent, MustacheTransformable, @unchecked Sendable {
    let values: [String: Any]

    init(_ values: [String: Any]) {
        self.values = values
    }

    func child(named name: String) -> Any? { values[name] }

    /// A dictionary's transforms (`count`, `empty`…), as templates had them before.
    func transform(_ name: String) -> Any? { values.transform(name) }
}
