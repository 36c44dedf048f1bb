import Foundation
import Mustache

@testable import DigestKit

/// swift-mustache set up as Digest used it before it had its own renderer: every template
/// preceded by a pragma line selecting Digest's HTML escaping. The compiled renderer must give
/// byte for byte what this gives.
struct MustacheReference {
    static let escapingPragma = "{{% CONTENT_TYPE: \(HTMLEscaping.name)}}\n"
    let library: MustacheLibrary

    init(_ sources: [String: String]) throws {
        HTMLEscaping.registered
        var library = MustacheLibrary()
        for (name, text) in sources { library.register(try MustacheTemplate(string: Self.escapingPragma + text), named: name) }
        self.library = library
    }

    /// Parses alone, for comparing errors: the reference's error and its place (the line one
    /// less, for the pragma line).
    static func parseError(_ text: String) -> (error: String, line: Int, column: Int)? {
        HTMLEscaping.registered
        do {
            _ = try MustacheTemplate(string: escapingPragma + text)
            return nil
        } catch let error as MustacheTemplate.ParserError {
            return ("\(error.error)", error.context.lineNumber - 1, error.context.columnNumber)
        } catch {
            return ("\(error)", 0, 0)
        }
    }

    func render(_ context: Any, template name: String) -> String {
        library.render((context as? [String: Any]).map(TemplateValues.init) ?? context, withTemplate: name) ?? ""
    }
}

/// The official Mustache spec beside the repository (`../shared/data/mustache-spec`), where the
/// project's reference data lives; nil when it is not there.
let mustacheSpecFolder: URL? = {
    let folder = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/data/mustache-spec")
    return FileManager.default.fileExists(atPath: folder.path) ? folder : nil
}()
