/// The tags of a template's text, with where each stands: enough to tell where partials are
/// included and what a partial reads, without rendering anything. `TemplateParser` parses the
/// templates; this only reads tag boundaries, and gives up (`readable` false) on anything
/// that would move them, such as a change of delimiters.
struct TemplateTags {
    struct Tag {
        /// `#`, `^`, `/`, `>`, `<`, `$`, `!`, `%`, `&`, or nil for a plain `{{name}}` or `{{{name}}}`.
        var sigil: Character?
        var name: Substring
        /// How many sections (`{{#…}}`, `{{^…}}`) enclose the tag.
        var sectionDepth: Int
        /// Whether a `{{$block}}` encloses the tag.
        var inBlock: Bool
        /// Only spaces or tabs before the tag on its line: a standalone partial there would be
        /// rendered indented.
        var indented: Bool
    }

    private(set) var tags: [Tag] = []
    private(set) var readable = true

    init(_ text: String) {
        var rest = text[...]
        /// Open sections (true) and blocks or parents (false), innermost last.
        var open: [Bool] = []
        var lineStart = text.startIndex
        while let start = rest.firstRange(of: "{{") {
            if let newline = rest[..<start.lowerBound].lastIndex(of: "\n") { lineStart = text.index(after: newline) }
            let triple = text[start.upperBound...].hasPrefix("{")
            guard let end = text[start.upperBound...].firstRange(of: triple ? "}}}" : "}}") else {
                readable = false
                return
            }
            var inside = text[(triple ? text.index(after: start.upperBound) : start.upperBound)..<end.lowerBound]
            inside = inside.drop { $0 == " " || $0 == "\t" }
            var sigil: Character? = nil
            if !triple, let first = inside.first, "#^/><$!%&=".contains(first) {
                sigil = first
                inside = inside.dropFirst()
            }
            if sigil == "=" {
                readable = false
                return
            }
            if sigil == "/" { _ = open.popLast() }
            let before = text[lineStart..<start.lowerBound]
            tags.append(
                Tag(
                    sigil: sigil, name: Self.trimmed(inside),
                    sectionDepth: open.filter { $0 }.count, inBlock: open.contains(false),
                    indented: !before.isEmpty && before.allSatisfy { $0 == " " || $0 == "\t" }))
            switch sigil {
            case "#", "^": open.append(true)
            case "$", "<": open.append(false)
            default: break
            }
            rest = text[end.upperBound...]
        }
    }

    private static func trimmed(_ text: Substring) -> Substring {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
            let last = text.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return text[first...last]
    }

    func tags(_ sigil: Character?) -> [Tag] {
        tags.filter { $0.sigil == sigil }
    }
}
