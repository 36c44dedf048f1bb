/// A position in a template's text, read Character by Character as swift-mustache's parser
/// reads it (so `\r\n` is one Character, a newline), with where it stands for error messages.
struct TemplateCursor {
    private let characters: [Character]
    private(set) var position = 0

    init(_ text: String) {
        characters = Array(text)
    }

    var reachedEnd: Bool { position == characters.count }

    /// The current Character, or NUL at the end.
    var current: Character { reachedEnd ? "\0" : characters[position] }

    mutating func advance() { position += 1 }
    mutating func retreat() { position -= 1 }
    mutating func move(to position: Int) { self.position = position }

    func text(from start: Int, to end: Int) -> String { String(characters[start..<end]) }

    /// Reads `string` if the text continues with it; otherwise stays put. Like swift-mustache's
    /// `read(string:)`, it fails (throws) when fewer Characters are left than `string` has.
    mutating func read(string: String) throws(TemplateError.Kind) -> Bool {
        let wanted = Array(string)
        guard characters.count - position >= wanted.count else { throw .overflow }
        guard characters[position..<position + wanted.count].elementsEqual(wanted) else { return false }
        position += wanted.count
        return true
    }

    /// Reads one Character if it is `character`; throws at the end.
    mutating func read(_ character: Character) throws(TemplateError.Kind) -> Bool {
        guard !reachedEnd else { throw .overflow }
        guard characters[position] == character else { return false }
        position += 1
        return true
    }

    @discardableResult mutating func read(while test: (Character) -> Bool) -> String {
        let start = position
        while !reachedEnd, test(characters[position]) { position += 1 }
        return String(characters[start..<position])
    }

    /// Reads up to the first Character passing `test`; at the end without one, throws and
    /// stays put when asked to.
    @discardableResult mutating func read(
        until test: (Character) -> Bool, throwOnOverflow: Bool = true
    ) throws(TemplateError.Kind) -> String {
        let start = position
        while !reachedEnd {
            if test(characters[position]) { return String(characters[start..<position]) }
            position += 1
        }
        if throwOnOverflow {
            position = start
            throw .overflow
        }
        return String(characters[start..<position])
    }

    /// Reads past the first `string` (a comment's end), or throws and stays put. The search is
    /// swift-mustache's: after a partial match it goes on from the next Character without
    /// looking back, so with a delimiter like `|]` the text `||]` does not end a comment.
    mutating func skip(past string: String) throws(TemplateError.Kind) {
        let wanted = Array(string)
        guard !wanted.isEmpty else { return }
        var index = position
        var matched = 0
        while index < characters.count {
            if characters[index] == wanted[matched] {
                matched += 1
                if matched == wanted.count {
                    position = index + 1
                    return
                }
            } else {
                matched = 0
            }
            index += 1
        }
        throw .overflow
    }

    /// Line (1-based, counting every newline Character before the position), column (1-based)
    /// and the line's text, as swift-mustache reports them.
    var place: (line: Int, column: Int, text: String) {
        var start = min(position, characters.count)
        while start > 0, characters[start - 1] != "\n" { start -= 1 }
        var end = start
        while end < characters.count, characters[end] != "\n" { end += 1 }
        let line = characters[..<min(position, characters.count)].filter(\.isNewline).count + 1
        return (line, min(position, characters.count) - start + 1, String(characters[start..<end]))
    }
}
