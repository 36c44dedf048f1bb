/// A parsed template: the tree `TemplateParser` makes from a template's text and
/// `TemplateProgram` compiles. It has the shape of swift-mustache's own tokens, so a template
/// renders as it did when swift-mustache rendered it.
indirect enum TemplateNode: Equatable {
    case text(String)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}`.
    case variable(TemplateName, escaped: Bool)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
    case section(TemplateName, [TemplateNode], inverted: Bool)
    /// `{{$name}}…{{/name}}` directly inside `{{<parent}}`: what the including template puts in
    /// the parent's block.
    case blockDefinition(String, [TemplateNode])
    /// `{{$name}}…{{/name}}` anywhere else: a block a child template may fill, with its default.
    case blockExpansion(String, [TemplateNode], indentation: String)
    /// `{{> name}}`, `{{>*name}}`, and `{{<parent}}` (with its block definitions as `overrides`).
    /// The indentation is that of a standalone tag, empty otherwise.
    case partial(String, dynamic: Bool, indentation: String, overrides: [String: [TemplateNode]]?)
    /// `{{% CONTENT_TYPE: …}}`: how later values of the template are escaped.
    case escaping(TemplateEscaping)
}

/// A tag's name as written: the name (possibly dotted, `.` or empty) and the transforms around
/// it, outermost first (`empty(x)` → transforms `["empty"]`).
struct TemplateName: Equatable {
    var name: String
    var transforms: [String]
}

/// How `{{name}}` escapes what it prints.
enum TemplateEscaping: Equatable {
    /// Digest's escaping of the five HTML characters on UTF-8 bytes (`HTMLEscaping`): every
    /// template starts with it.
    case html
    /// swift-mustache's own HTML escaping, by whole Character, which a template selects with
    /// `{{% CONTENT_TYPE: HTML}}`: it differs from `html` only for `<` and the like followed by a
    /// combining mark.
    case characterHTML
    /// No escaping (`{{% CONTENT_TYPE: TEXT}}`), as in the plain-text newsletter.
    case text
}
