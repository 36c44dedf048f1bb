import Foundation

/// A language as `language:` gives it: a BCP 47 tag such as `zh`, `en-GB` or `zh-Hans`, the
/// value of the page's `lang` and `hreflang`.
enum LanguageTag {
    /// Two or three letters, then subtags of letters and digits after hyphens. An underscore
    /// (`pt_BR`, as locales are often written) becomes a hyphen, as HTML wants.
    static func normalized(_ text: String) -> String? {
        let tag = text.trimmingWhitespace().replacingOccurrences(of: "_", with: "-")
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }),
            parts.dropFirst().allSatisfy({ (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } })
        else { return nil }
        return tag
    }
}

extension ArticleParser {
    /// Reads `language:`; anything but a language tag is an error at its line.
    func languageTag(_ fields: YAMLFields) -> (YAMLFields.Entry) -> Result<String, Diagnostic> {
        { entry in
            fields.string(entry).flatMap { text in
                guard let tag = LanguageTag.normalized(text) else {
                    return .failure(
                        Diagnostic(
                            file: fields.file, line: entry.line, column: entry.column,
                            message: "'\(text)' is not a language",
                            hint: "write a language tag such as 'zh', 'en' or 'zh-Hant'"))
                }
                return .success(tag)
            }
        }
    }
}
