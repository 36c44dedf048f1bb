import Yams

/// A YAML mapping read with positions, so every problem can name the line it is on.
///
/// Fields are read from Yams' node tree rather than through `Decodable`: decoding errors carry
/// no line numbers, and YAML would turn an unquoted timestamp into UTC, losing its offset.
struct YAMLFields {
    struct Entry {
        var key: String
        var value: Node
        var line: Int
        var column: Int
    }

    let file: String
    /// File line of the YAML's first line.
    let firstLine: Int
    let entries: [Entry]
    /// Line of the mapping itself, for "missing field" errors.
    let mappingLine: Int

    /// Yams' default rules less the ones no field reads (floats, timestamps, `=`): each rule is a
    /// regular expression tried on every plain value. The encoding is given because Yams'
    /// default reads the process environment on every parse.
    static let resolver = Resolver.default.removing(.float).removing(.timestamp).removing(.value)
    /// Articles resolve no implicit type at all. Yams resolves a key's type again each time it
    /// hashes it (for its duplicate-key check), trying each rule's regular expression; the one
    /// field an article reads as a boolean (`draft:`) is resolved by `bool` when it is read.
    static let articleResolver = resolver.removing(.int).removing(.merge).removing(.null).removing(.bool)

    /// An article's front matter, read without implicit types (`articleResolver`): by
    /// `PlainFrontMatter` when it is in the plain shape nearly every article's is, else by Yams.
    static func frontMatter(_ yaml: String, file: String, firstLine: Int) -> Result<YAMLFields, Diagnostic> {
        if let (entries, mappingLine) = PlainFrontMatter.read(yaml, firstLine: firstLine, resolver: articleResolver) {
            return .success(YAMLFields(file: file, firstLine: firstLine, entries: entries, mappingLine: mappingLine))
        }
        return parse(yaml, file: file, firstLine: firstLine, resolver: articleResolver)
    }

    /// Yams' default constructor, made once: `Constructor.default` builds its tables anew on
    /// every use, and every node's tag holds one. Its tables are constants, never changed.
    nonisolated(unsafe) static let constructor = Constructor.default

    /// Parses `yaml`; a syntax error becomes a diagnostic at the parser's position in the file.
    static func parse(_ yaml: String, file: String, firstLine: Int, resolver: Resolver = resolver) -> Result<YAMLFields, Diagnostic> {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml, resolver, constructor, .utf8)
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, file: file, firstLine: firstLine))
        } catch {
            return .failure(Diagnostic(file: file, line: firstLine, message: "cannot read the YAML: \(error)"))
        }
        guard let node else {
            return .success(YAMLFields(file: file, firstLine: firstLine, entries: [], mappingLine: firstLine))
        }
        guard let mapping = node.mapping else {
            let line = (node.mark?.line ?? 1) + firstLine - 1
            return .failure(
                Diagnostic(
                    file: file, line: line, column: node.mark?.column,
                    message: "the front matter is not a list of 'key: value' fields",
                    hint: "write one field per line, like 'title: My article'"))
        }
        var entries: [Entry] = []
        for (key, value) in mapping {
            let mark = key.mark
            entries.append(
                Entry(
                    key: key.string ?? "",
                    value: value,
                    line: (mark?.line ?? 1) + firstLine - 1,
                    column: mark?.column ?? 1))
        }
        return .success(
            YAMLFields(
                file: file, firstLine: firstLine, entries: entries,
                mappingLine: (mapping.mark?.line ?? 1) + firstLine - 1))
    }

    static func diagnostic(for error: YamlError, file: String, firstLine: Int) -> Diagnostic {
        let hint = "check the quoting and indentation; values containing ': ' or starting with a quote need quotes around them"
        switch error {
        case let .scanner(context, problem, mark, _),
            let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            var message = "YAML syntax error: \(problem)"
            if let context { message += " (\(context.text))" }
            return Diagnostic(file: file, line: mark.line + firstLine - 1, column: mark.column, message: message, hint: hint)
        case let .duplicatedKeysInMapping(duplicates, context):
            return Diagnostic(
                file: file, line: context.mark.line + firstLine - 1, column: context.mark.column,
                message: "the field \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) is given twice",
                hint: "keep only one")
        case let .reader(problem, _, _, _):
            return Diagnostic(file: file, line: firstLine, message: "YAML cannot be read: \(problem)", hint: hint)
        default:
            return Diagnostic(file: file, line: firstLine, message: "YAML error: \(error)", hint: hint)
        }
    }

    /// The fields of a mapping nested under `entry` (`newsletter:`), with their lines in the
    /// file; nil when the value is not a mapping.
    func nested(_ entry: Entry) -> YAMLFields? {
        guard let mapping = entry.value.mapping else { return nil }
        let entries = mapping.map { key, value in
            Entry(
                key: key.string ?? "", value: value,
                line: (key.mark?.line ?? 1) + firstLine - 1, column: key.mark?.column ?? 1)
        }
        return YAMLFields(file: file, firstLine: firstLine, entries: entries, mappingLine: entry.line)
    }

    func entry(_ key: String) -> Entry? {
        entries.first { $0.key == key }
    }

    /// Keys not in `known`, as warnings that name the line.
    func unknownKeyWarnings(known: Set<String>, what: String) -> [Diagnostic] {
        entries.filter { !known.contains($0.key) }.map {
            .warning(
                file: file, line: $0.line, column: $0.column,
                message: "unknown \(what) field '\($0.key)' is ignored",
                hint: "known fields: \(known.sorted().joined(separator: ", "))")
        }
    }

    func missing(_ key: String, hint: String) -> Diagnostic {
        Diagnostic(file: file, line: mappingLine, column: 1, message: "the required field '\(key)' is missing", hint: hint)
    }

    func wrongType(_ entry: Entry, expected: String) -> Diagnostic {
        Diagnostic(
            file: file, line: entry.line, column: entry.column,
            message: "the field '\(entry.key)' must be \(expected)",
            hint: "found \(Self.describe(entry.value))")
    }

    /// A plain text value; numbers and booleans are accepted as their text.
    func string(_ entry: Entry) -> Result<String, Diagnostic> {
        if case let .scalar(scalar) = entry.value { return .success(scalar.string) }
        return .failure(wrongType(entry, expected: "text"))
    }

    /// A list of texts; a single text counts as a list of one.
    func strings(_ entry: Entry) -> Result<[String], Diagnostic> {
        switch entry.value {
        case let .scalar(scalar):
            if entry.value.null != nil { return .success([]) }
            return .success([scalar.string])
        case let .sequence(sequence):
            var values: [String] = []
            for item in sequence {
                guard case let .scalar(scalar) = item else {
                    return .failure(wrongType(entry, expected: "a list of texts"))
                }
                values.append(scalar.string)
            }
            return .success(values)
        default:
            return .failure(wrongType(entry, expected: "a list of texts"))
        }
    }

    func bool(_ entry: Entry) -> Result<Bool, Diagnostic> {
        if let value = entry.value.bool { return .success(value) }
        // Read without implicit types (`articleResolver`): Yams' own rule says if it is one.
        if case let .scalar(scalar) = entry.value, scalar.style == .plain, Resolver.default.resolveTag(of: entry.value) == .bool,
            let value = Bool.construct(from: Node.Scalar(scalar.string, Tag(.bool)))
        {
            return .success(value)
        }
        return .failure(wrongType(entry, expected: "true or false"))
    }

    func int(_ entry: Entry) -> Result<Int, Diagnostic> {
        if let value = entry.value.int { return .success(value) }
        return .failure(wrongType(entry, expected: "a whole number"))
    }

    static func describe(_ node: Node) -> String {
        switch node {
        case let .scalar(scalar): return "'\(scalar.string)'"
        case .mapping: return "a set of 'key: value' fields"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}
