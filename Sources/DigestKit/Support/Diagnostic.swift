/// A problem found in a user's file, with the place it was found and what to do about it.
///
/// Diagnostics are values: every stage collects them instead of stopping at the first,
/// so one build reports every bad file.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var severity: Severity
    /// Path of the file, relative to the site folder (`Content/2019/02/x.md`).
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String
    /// What the user can do to fix it.
    public var hint: String?

    public init(
        _ severity: Severity = .error,
        file: String,
        line: Int? = nil,
        column: Int? = nil,
        message: String,
        hint: String? = nil
    ) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
    }

    public static func warning(file: String, line: Int? = nil, column: Int? = nil, message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, file: file, line: line, column: column, message: message, hint: hint)
    }

    /// `path:line:column: error: message (hint)`, the shape editors and CI logs recognise.
    public var description: String {
        var place = file
        if let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        var text = "\(place): \(severity.rawValue): \(message)"
        if let hint { text += " (\(hint))" }
        return text
    }
}

/// A build that stopped because of errors in the input; `Public/` was left untouched.
public struct BuildFailure: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    public var description: String {
        let count = errors.count
        let lines = diagnostics.map(\.description).joined(separator: "\n")
        return "\(lines)\nbuild failed: \(count) error\(count == 1 ? "" : "s"); nothing was written"
    }
}

extension Array where Element == Diagnostic {
    var hasErrors: Bool { contains { $0.severity == .error } }

    /// Stable order for output: by file, then line.
    func sortedForDisplay() -> [Diagnostic] {
        sorted { ($0.file, $0.line ?? 0, $0.column ?? 0) < ($1.file, $1.line ?? 0, $1.column ?? 0) }
    }
}
