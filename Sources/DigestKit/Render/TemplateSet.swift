import Foundation

/// The compiled templates of `Templates/`, each parsed and compiled once per build into a
/// `TemplateLibrary` (`Render/Template/`), which renders them as swift-mustache did.
public struct TemplateSet: Sendable {
    /// Templates every site needs; a missing one is a build error naming it.
    public static let requiredNames = [
        "base", "home", "article", "day", "week", "year", "archive", "section", "tags", "tag",
        "speakers", "speaker", "404", "search", "newsletter", "newsletter-text",
    ]

    let library: TemplateLibrary
    /// Every template's text, by name, for `PartialMemo`'s look at where partials are included.
    let sources: [String: String]
    /// The theme's words in each language (`i18n/*.yml`).
    public let strings: Localizations
    /// Stands for every template's text and every string: part of every page's fingerprint, so
    /// editing a template or a strings file rebuilds the pages (all of them: a page may reach
    /// any partial, and any string).
    public let fingerprint: UInt64
    /// The partials pages render once per folder depth (`PartialMemo`).
    let memoPlan: PartialMemo.Plan

    init(library: TemplateLibrary, sources: [String: String], strings: Localizations, fingerprint: UInt64) {
        self.library = library
        self.sources = sources
        self.strings = strings
        self.fingerprint = fingerprint
        memoPlan = PartialMemo.Plan(library: library, sources: sources)
    }

    /// Compiles templates given as name → Mustache text (`partials/item` → `…`).
    /// Every template with an error is reported, with its line and column.
    public static func compile(
        _ sources: [String: String], strings: Localizations = .builtIn, folder: String = "Templates",
        requiring required: [String] = requiredNames
    ) -> Result<TemplateSet, BuildFailure> {
        var parsed: [String: [TemplateNode]] = [:]
        var diagnostics: [Diagnostic] = []
        var hasher = StableHasher()
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            hasher.combine(name)
            hasher.combine(text)
            do {
                parsed[name] = try TemplateParser.parse(text)
            } catch {
                diagnostics.append(
                    Diagnostic(
                        file: "\(folder)/\(name).mustache", line: error.line, column: error.column,
                        message: "template error: \(error.kind)",
                        hint: "near '\(error.lineText.trimmingCharacters(in: .whitespaces))'"))
            }
        }
        for name in required where sources[name] == nil {
            diagnostics.append(
                Diagnostic(
                    file: "\(folder)/\(name).mustache", message: "the template '\(name)' is missing",
                    hint: "copy it from the built-in theme with digest theme eject NAME"))
        }
        guard diagnostics.isEmpty else { return .failure(BuildFailure(diagnostics: diagnostics)) }
        hasher.combine(strings.fingerprint)
        return .success(TemplateSet(library: TemplateLibrary(parsed), sources: sources, strings: strings, fingerprint: hasher.finalize()))
    }

    public func render(_ context: Any, template name: String) -> String {
        Self.render(context, template: name, from: library)
    }

    /// `render` from another library made of these templates (see `PartialMemo`). A dictionary
    /// is handed over as `TemplateValues`, as it always has been (`{{.}}` at the top prints it).
    static func render(_ context: Any, template name: String, from library: TemplateLibrary) -> String {
        String(decoding: renderBytes(context, template: name, from: library), as: UTF8.self)
    }

    /// As `render`, as UTF-8 bytes (`TemplateLibrary.renderBytes`).
    static func renderBytes(_ context: Any, template name: String, from library: TemplateLibrary) -> [UInt8] {
        library.renderBytes((context as? [String: Any]).map(TemplateValues.init) ?? context, template: name) ?? []
    }
}
