import Foundation
import Mustache

/// The compiled templates of `Templates/`, each parsed once per build.
public struct TemplateSet: Sendable {
    /// Templates every site needs; a missing one is a build error naming it.
    public static let requiredNames = [
        "base", "home", "article", "day", "week", "year", "archive", "section", "tags", "tag",
        "speakers", "speaker", "404", "search", "newsletter", "newsletter-text",
    ]

    public let library: MustacheLibrary
    /// Every template's text, by name, for `PartialMemo`'s look at where partials are included.
    let sources: [String: String]
    /// The theme's words in each language (`i18n/*.yml`).
    public let strings: Localizations
    /// Stands for every template's text and every string: part of every page's fingerprint, so
    /// editing a template or a strings file rebuilds the pages (all of them: a page may reach
    /// any partial, and any string).
    public let fingerprint: UInt64

    init(library: MustacheLibrary, sources: [String: String], strings: Localizations, fingerprint: UInt64) {
        self.library = library
        self.sources = sources
        self.strings = strings
        self.fingerprint = fingerprint
    }

    /// Compiles templates given as name → Mustache text (`partials/item` → `…`).
    /// Every template with an error is reported, with its line and column.
    public static func compile(
        _ sources: [String: String], strings: Localizations = .builtIn, folder: String = "Templates",
        requiring required: [String] = requiredNames
    ) -> Result<TemplateSet, BuildFailure> {
        HTMLEscaping.registered
        var library = MustacheLibrary()
        var diagnostics: [Diagnostic] = []
        var hasher = StableHasher()
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            hasher.combine(name)
            hasher.combine(text)
            do {
                library.register(try MustacheTemplate(string: escapingPragma + text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(
                    Diagnostic(
                        file: "\(folder)/\(name).mustache", line: error.context.lineNumber - 1,
                        column: error.context.columnNumber,
                        message: "template error: \(error.error)",
                        hint: "near '\(error.context.line.trimmingCharacters(in: .whitespaces))'"))
            } catch {
                diagnostics.append(Diagnostic(file: "\(folder)/\(name).mustache", message: "template error: \(error)"))
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
        return .success(TemplateSet(library: library, sources: sources, strings: strings, fingerprint: hasher.finalize()))
    }

    /// A line of its own before every template's text: dropped from the output like any
    /// standalone tag, it selects Digest's HTML escaping. swift-mustache starts every template,
    /// partials included, with HTML escaping, so this changes how fast, not what; a template's
    /// own `{{% CONTENT_TYPE: TEXT}}` still turns escaping off. Error lines are reported one less.
    static let escapingPragma = "{{% CONTENT_TYPE: \(HTMLEscaping.name)}}\n"

    public func render(_ context: Any, template name: String) -> String {
        Self.render(context, template: name, from: library)
    }

    /// `render` from another library made of these templates (see `PartialMemo`). A dictionary
    /// is handed over as `TemplateValues`, which templates read faster.
    static func render(_ context: Any, template name: String, from library: MustacheLibrary) -> String {
        library.render((context as? [String: Any]).map(TemplateValues.init) ?? context, withTemplate: name) ?? ""
    }
}
