/// Parses a template's text into `TemplateNode`s. It follows swift-mustache 2.1.1's parser
/// (Apache-2.0, hummingbird-project/swift-mustache) step by step: standalone lines, the
/// whitespace kept before tags and the names it accepts are all theirs, so templates written
/// for Digest until now parse to the same tree. swift-mustache does not expose its tree, hence
/// this copy.
struct TemplateParser {
    struct State {
        var sectionName: String?
        var sectionTransforms: [String] = []
        /// At the start of a line, where a tag may be standalone.
        var newLine = true
        /// Inside `{{<parent}}…{{/parent}}`, and directly (where `{{$block}}` defines a block).
        var inPartialDefinition = false
        var partialDefinitionTopLevel = false
        var startDelimiter = "{{"
        var endDelimiter = "}}"
        var partialDefinitionIndent: String?

        func section(_ name: String, newLine: Bool, transforms: [String] = []) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = transforms
            state.partialDefinitionTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func inheritance(_ name: String) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = []
            state.newLine = true
            state.inPartialDefinition = true
            state.partialDefinitionTopLevel = true
            return state
        }
    }

    var cursor: TemplateCursor

    /// The tree of `text`, or where and why it cannot be parsed.
    static func parse(_ text: String) throws(TemplateError) -> [TemplateNode] {
        var parser = TemplateParser(cursor: TemplateCursor(text))
        do {
            return try parser.parse(State())
        } catch let kind {
            let place = parser.cursor.place
            throw TemplateError(kind: kind, line: place.line, column: place.column, lineText: place.text)
        }
    }

    static func blank(_ character: Character) -> Bool { character == " " || character == "\t" }

    /// Reads text up to the start delimiter (read past) or a line break (not read).
    mutating func readText(_ state: State) throws(TemplateError.Kind) -> String {
        guard let delimiterFirst = state.startDelimiter.first else { return "" }
        var total = ""
        while !cursor.reachedEnd {
            total += try cursor.read(until: { $0 == "\n" || $0 == "\r\n" || $0 == delimiterFirst }, throwOnOverflow: false)
            if cursor.current.isNewline { break }
            if cursor.current == delimiterFirst {
                // Like swift-mustache, a delimiter's first Character too close to the end is an
                // error (`overflow`).
                if try cursor.read(string: state.startDelimiter) { break }
                total.append(delimiterFirst)
                cursor.advance()
            }
        }
        return total
    }

    /// Whether the tag just read stands alone on its line; if so, reads the rest of the line.
    mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if cursor.reachedEnd { return true }
        var ahead = cursor
        ahead.read(while: Self.blank)
        guard ahead.current.isNewline else { return false }
        ahead.advance()
        cursor = ahead
        return true
    }
}
