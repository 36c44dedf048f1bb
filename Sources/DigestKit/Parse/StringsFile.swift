import Yams

/// One language's strings file (`i18n/zh.yml`) as read: each key (a nested group's keys joined
/// with dots, `dates.long`) with its text, its forms by plural category, or its list.
public struct StringsFile: Sendable, Equatable {
    public enum Value: Sendable, Equatable {
        case text(String)
        case plural([PluralCategory: String])
        case list([String])
    }

    public var values: [String: Value]

    public init(values: [String: Value] = [:]) {
        self.values = values
    }

    /// `other`'s entries over this file's, key by key.
    public func overlaid(by other: StringsFile) -> StringsFile {
        StringsFile(values: values.merging(other.values) { _, new in new })
    }

    /// Reads `yaml`; a syntax error, or a value that is none of the three kinds, is an error
    /// naming `file` and the line.
    public static func parse(_ yaml: String, file: String) -> Result<StringsFile, Diagnostic> {
        let fields: YAMLFields
        switch YAMLFields.parse(yaml, file: file, firstLine: 1) {
        case let .success(parsed): fields = parsed
        case let .failure(diagnostic): return .failure(diagnostic)
        }
        var values: [String: Value] = [:]
        for entry in fields.entries {
            switch read(entry.value, key: entry.key, into: &values) {
            case .success: continue
            case let .failure(problem): return .failure(fields.wrongType(entry, expected: problem.expected))
            }
        }
        return .success(StringsFile(values: values))
    }

    private struct Unreadable: Error {
        let expected: String
    }

    /// A mapping whose keys are all plural categories is one counted string; any other mapping
    /// is a group of keys.
    private static func read(_ node: Node, key: String, into values: inout [String: Value]) -> Result<Void, Unreadable> {
        if let text = node.scalar?.string {
            values[key] = .text(text)
        } else if let sequence = node.sequence {
            let items = sequence.compactMap(\.scalar?.string)
            guard items.count == sequence.count else { return .failure(Unreadable(expected: "a list of words")) }
            values[key] = .list(items)
        } else if let mapping = node.mapping {
            let categories = mapping.keys.compactMap { $0.string.flatMap(PluralCategory.init(rawValue:)) }
            if !mapping.isEmpty, categories.count == mapping.count {
                var forms: [PluralCategory: String] = [:]
                for (category, value) in mapping {
                    guard let text = value.scalar?.string else {
                        return .failure(Unreadable(expected: "a text for each plural category"))
                    }
                    forms[PluralCategory(rawValue: category.string ?? "")!] = text
                }
                values[key] = .plural(forms)
            } else {
                for (name, value) in mapping {
                    let result = read(value, key: "\(key).\(name.string ?? "")", into: &values)
                    if case .failure = result { return result }
                }
            }
        } else {
            return .failure(Unreadable(expected: "a text, a list, or texts by plural category"))
        }
        return .success(())
    }
}
