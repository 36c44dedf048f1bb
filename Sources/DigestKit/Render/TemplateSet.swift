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
    /// Stands for every template's text: part of every page's fingerprint, so editing a
    /// template rebuilds the pages (all of them: a page may reach any partial).
    public let fingerprint: UInt64

    public init(library: MustacheLibrary, fingerprint: UInt64 = 0) {
        self.library = library
        self.fingerprint = fingerprint
    }

    /// Compiles templates given as name → Mustache text (`partials/item` → `…`).
    /// Every template with an error is reported, with its line and column.
    public static func compile(_ sources: [String: String], folder: String = "Templates",
                               requiring required: [String] = requiredNames) -> Result<TemplateSet, BuildFailure> {
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
                diagnostics.append(Diagnostic(
                    file: "\(folder)/\(name).mustache", line: error.context.lineNumber - 1,
                    column: error.context.columnNumber,
                    message: "template error: \(error.error)",
                    hint: "near '\(error.context.line.trimmingCharacters(in: .whitespaces))'"))
            } catch {
                diagnostics.append(Diagnostic(file: "\(folder)/\(name).mustache", message: "template error: \(error)"))
            }
        }
        for name in required where sources[name] == nil {
            diagnostics.append(Diagnostic(
                file: "\(folder)/\(name).mustache", message: "the template '\(name)' is missing",
                hint: "copy it from the default theme in Digest's repository"))
        }
        return diagnostics.isEmpty ? .success(TemplateSet(library: library, fingerprint: hasher.finalize())) : .failure(BuildFailure(diagnostics: diagnostics))
    }

    /// A line of its own before every template's text: it is dropped from the output like any
    /// standalone tag, and selects Digest's faster HTML escaping (a template's own
    /// `{{% CONTENT_TYPE: TEXT}}` still overrides it). Error lines are reported one less.
    static let escapingPragma = "{{% CONTENT_TYPE: \(HTMLEscaping.name)}}\n"

    public func render(_ context: [String: Any], template name: String) -> String {
        library.render(context, withTemplate: name) ?? ""
    }
}

extension TemplateSet {
    /// Reads every `*.mustache` under `directory`; other files there are theme assets.
    public static func sources(in directory: URL) throws -> [String: String] {
        var sources: [String: String] = [:]
        for relative in ContentLoader.walk(directory) where relative.hasSuffix(".mustache") {
            let text = try String(contentsOf: directory.appendingPathComponent(relative), encoding: .utf8)
            sources[String(relative.dropLast(".mustache".count))] = text
        }
        return sources
    }
}
