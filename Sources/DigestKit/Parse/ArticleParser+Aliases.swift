import Foundation

extension ArticleParser {
    /// `aliases:`, a list of old site paths (`/articles/old-slug/`, `/old/page.html`), each
    /// made a relative path of the output (`articles/old-slug/`); one that could name a place
    /// outside the site, or the site's root, is an error at the field's line.
    func aliasPaths(_ fields: YAMLFields) -> (YAMLFields.Entry) -> Result<[String], Diagnostic> {
        { entry in
            fields.strings(entry).flatMap { values in
                var paths: [String] = []
                for value in values {
                    guard let path = Self.aliasPath(value) else {
                        return .failure(
                            Diagnostic(
                                file: fields.file, line: entry.line, column: entry.column,
                                message: "the alias '\(value)' is not a path of this site",
                                hint: "write the old address from the site's root, e.g. '/2019/02/13/old-name/'"))
                    }
                    if !paths.contains(path) { paths.append(path) }
                }
                return .success(paths)
            }
        }
    }

    /// `value` as an output path: a folder (`a/b/`) or an `.html` file (`a/b.html`); nil when it
    /// is empty, the root, a full URL, or has `.`, `..`, a backslash or a control character.
    static func aliasPath(_ value: String) -> String? {
        let typed = value.trimmingWhitespace()
        let trimmed = typed.removingPercentEncoding ?? typed
        guard !trimmed.contains("://"), !trimmed.contains("?"), !trimmed.contains("#") else { return nil }
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard !parts.isEmpty else { return nil }
        let joined = parts.joined(separator: "/")
        guard OutputFile.isSafe(joined), !joined.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            return nil
        }
        return joined.hasSuffix(".html") ? joined : joined + "/"
    }
}
