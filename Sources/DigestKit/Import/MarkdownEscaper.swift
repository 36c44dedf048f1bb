import Foundation

/// Plain text as Markdown that renders as exactly that text.
///
/// Wire copy is not Markdown: a paragraph that starts `1.` or `- `, or holds `*` or `<b>`, must not
/// turn into a list, emphasis or HTML. Only characters that can start Markdown syntax are
/// escaped, so the file stays readable; `.`, `-`, `+` and `#` are escaped only where a line starts
/// with them.
public enum MarkdownEscaper {
    /// Characters that mean something anywhere in a line (emphasis, code, links, HTML, tables,
    /// strikethrough) and `\` itself.
    static let inlineSpecials: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", "|", "~"]

    /// Escapes every line of `text`; leading spaces are dropped (four of them would make code).
    public static func escape(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { escapeLine(String($0.drop { $0 == " " || $0 == "\t" })) }
            .joined(separator: "\n")
    }

    static func escapeLine(_ line: String) -> String {
        var escaped = ""
        var rest = Substring(line)
        for address in addresses(in: line) {
            escaped += escapeInline(rest[..<address.lowerBound])
            if line[address.upperBound...].first == "<" {
                // GFM would take the `\` of the `\<` that follows into the link; keep it text.
                escaped += defused(escapeInline(line[address]))
            } else {
                escaped += line[address]
            }
            rest = line[address.upperBound...]
        }
        escaped += escapeInline(rest)
        return escapingLineStart(escaped)
    }

    static func escapeInline(_ text: Substring) -> String {
        var escaped = ""
        var rest = text
        while let character = rest.popFirst() {
            if inlineSpecials.contains(character) || (character == "&" && startsEntity(rest)) {
                escaped.append("\\")
            }
            escaped.append(character)
        }
        return escaped
    }

    /// Bare web and mail addresses, which GFM turns into links by reading the raw text up to a
    /// space or `<`: an escape anywhere in that run would show its backslash, so the run is
    /// copied as it is (GFM leaves trailing punctuation out of the link itself).
    static func addresses(in line: String) -> [Range<String.Index>] {
        line.matches(of: /(?:https?:\/\/|www\.)[^\s<]+|[A-Za-z0-9._+-]+@[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+/).map(\.range)
    }

    /// The address with the escape that stops GFM from seeing a link in it.
    static func defused(_ address: String) -> String {
        if let scheme = address.range(of: "://") { return address.replacingCharacters(in: scheme, with: "\\://") }
        return address.replacingOccurrences(of: "www.", with: "www\\.", options: .anchored)
    }

    /// `&amp;`, `&#38;`, `&#x26;` would be decoded; `AT&T` and `R & D` are left alone.
    static func startsEntity(_ text: Substring) -> Bool {
        text.prefixMatch(of: /#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};/) != nil
    }

    /// Block syntax a line can open with: headings, quotes, list items, thematic breaks.
    static func escapingLineStart(_ line: String) -> String {
        guard let first = line.first else { return line }
        let second = line.dropFirst().first
        switch first {
        case "#", ">", "=":
            return "\\" + line
        case "-", "+":
            let opensList = second == nil || second == " " || second == "\t"
            let isBreak = first == "-" && line.allSatisfy { $0 == "-" || $0 == " " || $0 == "\t" }
            return opensList || isBreak ? "\\" + line : line
        default:
            // `1.` or `2019)` followed by a space opens an ordered list.
            if let match = line.prefixMatch(of: /[0-9]{1,9}[.)](?=[ \t]|$)/) {
                let digits = match.output.dropLast()
                return String(digits) + "\\" + String(line[digits.endIndex...])
            }
            return line
        }
    }
}
