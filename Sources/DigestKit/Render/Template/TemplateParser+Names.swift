extension TemplateParser {
    private static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    private static let nameCharactersWithBrackets = nameCharacters.union("()")
    private static let partialNameCharacters = nameCharactersWithBrackets.union("/")

    /// A tag's name up to and including the end delimiter: `name` or `outer(inner(name))`.
    mutating func parseName(_ state: State) throws(TemplateError.Kind) -> TemplateName {
        cursor.read(while: \.isWhitespace)
        let text = cursor.read(while: Self.nameCharactersWithBrackets.contains)
        cursor.read(while: \.isWhitespace)
        guard try cursor.read(string: state.endDelimiter) else { throw .unfinishedName }
        return try Self.splitTransforms(text)
    }

    /// `a(b(c))` → name `c`, transforms `[a, b]`; swift-mustache's rules for what is well formed.
    static func splitTransforms(_ text: String) throws(TemplateError.Kind) -> TemplateName {
        var cursor = TemplateCursor(text)
        let first = cursor.read(while: nameCharacters.contains)
        if cursor.reachedEnd { return TemplateName(name: text, transforms: []) }
        guard cursor.current == "(" else { throw .unfinishedName }
        cursor.advance()
        var transforms = [first]
        while true {
            let name = cursor.read(while: nameCharacters.contains)
            switch cursor.current {
            case ")":
                cursor.advance()
                let closing = cursor.read(while: { $0 == ")" }).count
                guard closing + 1 == transforms.count, cursor.reachedEnd else { throw .unfinishedName }
                return TemplateName(name: name, transforms: transforms)
            case "(":
                cursor.advance()
                transforms.append(name)
            default:
                throw .unfinishedName
            }
        }
    }

    mutating func parsePartialName(_ state: State) throws(TemplateError.Kind) -> String {
        cursor.read(while: \.isWhitespace)
        let text = cursor.read(while: Self.partialNameCharacters.contains)
        cursor.read(while: \.isWhitespace)
        guard try cursor.read(string: state.endDelimiter) else { throw .unfinishedName }
        return text
    }

    /// `{{=<% %>=}}`: the state with the new delimiters.
    mutating func setDelimiters(_ state: State) throws(TemplateError.Kind) -> State {
        let start: String
        let end: String
        do {
            cursor.read(while: \.isWhitespace)
            start = try cursor.read(until: \.isWhitespace)
            cursor.read(while: \.isWhitespace)
            end = try cursor.read(until: { $0 == "=" || $0.isWhitespace })
            cursor.read(while: \.isWhitespace)
        } catch {
            throw .invalidSetDelimiter
        }
        guard try cursor.read("=") else { throw .invalidSetDelimiter }
        guard try cursor.read(string: state.endDelimiter) else { throw .invalidSetDelimiter }
        guard !start.isEmpty, !end.isEmpty else { throw .invalidSetDelimiter }
        var state = state
        state.startDelimiter = start
        state.endDelimiter = end
        state.partialDefinitionTopLevel = false
        return state
    }

    /// `{{% CONTENT_TYPE: TEXT}}`: the content types Digest knows (swift-mustache's `HTML` and
    /// `TEXT`, and `DIGEST_HTML`, the one `TemplateSet` used to select).
    mutating func readEscaping(_ state: State) throws(TemplateError.Kind) -> TemplateEscaping {
        let variable: String
        let value: String
        do {
            cursor.read(while: \.isWhitespace)
            variable = cursor.read(while: Self.nameCharacters.contains)
            cursor.read(while: \.isWhitespace)
            guard try cursor.read(":") else { throw TemplateError.Kind.invalidConfigVariableSyntax }
            cursor.read(while: \.isWhitespace)
            value = cursor.read(while: Self.nameCharacters.contains)
            cursor.read(while: \.isWhitespace)
            guard try cursor.read(string: state.endDelimiter) else { throw TemplateError.Kind.invalidConfigVariableSyntax }
        } catch {
            throw .invalidConfigVariableSyntax
        }
        guard !variable.isEmpty, !value.isEmpty else { throw .invalidConfigVariableSyntax }
        guard variable == "CONTENT_TYPE" else { throw .unrecognisedConfigVariable }
        switch value {
        case "HTML": return .characterHTML
        case "TEXT": return .text
        case HTMLEscaping.name: return .html
        default: throw .unrecognisedConfigVariable
        }
    }
}
