extension TemplateParser {
    /// Parses up to the end of the text or of the section `state` is in (its closing tag read).
    mutating func parse(_ initial: State) throws(TemplateError.Kind) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var state = initial
        var whiteSpaceBefore = ""
        func flushWhiteSpace() {
            if !whiteSpaceBefore.isEmpty {
                nodes.append(.text(whiteSpaceBefore))
                whiteSpaceBefore = ""
            }
        }
        while !cursor.reachedEnd {
            if state.newLine {
                let whiteSpace = cursor.read(while: Self.blank)
                if state.inPartialDefinition, !state.partialDefinitionTopLevel {
                    if let indent = state.partialDefinitionIndent {
                        whiteSpaceBefore = String(whiteSpace.dropFirst(indent.count))
                    } else {
                        state.partialDefinitionIndent = whiteSpace
                    }
                } else {
                    whiteSpaceBefore = whiteSpace
                }
            }
            let text = try readText(state)
            if cursor.current.isNewline {
                nodes.append(.text(whiteSpaceBefore + text + String(cursor.current)))
                state.newLine = true
                cursor.advance()
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(whiteSpaceBefore + text))
                whiteSpaceBefore = ""
                state.newLine = false
            }
            if cursor.reachedEnd { break }
            var setNewLine = false
            switch cursor.current {
            case "#", "^":
                let inverted = cursor.current == "^"
                cursor.advance()
                let name = try parseName(state)
                if isStandalone(state) { setNewLine = true } else { flushWhiteSpace() }
                let body = try parse(state.section(name.name, newLine: setNewLine, transforms: name.transforms))
                nodes.append(.section(name, body, inverted: inverted))
            case "/":
                cursor.advance()
                let position = cursor.position
                let name = try parseName(state)
                guard name.name == state.sectionName, name.transforms == state.sectionTransforms else {
                    cursor.move(to: position)
                    throw .sectionCloseNameIncorrect
                }
                if !isStandalone(state) { flushWhiteSpace() }
                return nodes
            case "!":
                cursor.advance()
                try cursor.skip(past: state.endDelimiter)
                setNewLine = isStandalone(state)
            case "{", "&":
                flushWhiteSpace()
                let triple = cursor.current == "{"
                cursor.advance()
                let name = try parseName(state)
                if triple { guard try cursor.read("}") else { throw .unfinishedName } }
                nodes.append(.variable(name, escaped: false))
            case ">":
                cursor.advance()
                cursor.read(while: \.isWhitespace)
                let dynamic = cursor.current == "*"
                if dynamic { cursor.advance() }
                let name = try parsePartialName(state)
                if !whiteSpaceBefore.isEmpty { nodes.append(.text(whiteSpaceBefore)) }
                let standalone = isStandalone(state)
                setNewLine = standalone
                nodes.append(.partial(name, dynamic: dynamic, indentation: standalone ? whiteSpaceBefore : "", overrides: nil))
                whiteSpaceBefore = ""
            case "<":
                cursor.advance()
                cursor.read(while: \.isWhitespace)
                let sectionName = try parsePartialName(state)
                let dynamic = sectionName.first == "*"
                if !whiteSpaceBefore.isEmpty { nodes.append(.text(whiteSpaceBefore)) }
                if isStandalone(state) { setNewLine = true }
                let body = try parse(state.inheritance(sectionName))
                var overrides: [String: [TemplateNode]] = [:]
                for node in body {
                    switch node {
                    case let .blockDefinition(block, content): overrides[block] = content
                    case .text: break
                    default: throw .illegalTokenInsideInheritSection
                    }
                }
                let name = dynamic ? String(sectionName.dropFirst()) : sectionName
                nodes.append(.partial(name, dynamic: dynamic, indentation: whiteSpaceBefore, overrides: overrides))
                whiteSpaceBefore = ""
            case "$":
                cursor.advance()
                let name = try parseName(state)
                guard name.transforms.isEmpty else { throw .transformAppliedToInheritanceSection }
                if state.partialDefinitionTopLevel {
                    setNewLine = isStandalone(state)
                    nodes.append(.blockDefinition(name.name, try parse(state.section(name.name, newLine: setNewLine))))
                } else {
                    if !whiteSpaceBefore.isEmpty { nodes.append(.text(whiteSpaceBefore)) }
                    setNewLine = isStandalone(state)
                    let body = try parse(state.section(name.name, newLine: setNewLine))
                    nodes.append(.blockExpansion(name.name, body, indentation: whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
            case "=":
                cursor.advance()
                state = try setDelimiters(state)
                setNewLine = isStandalone(state)
            case "%":
                cursor.advance()
                nodes.append(.escaping(try readEscaping(state)))
                setNewLine = isStandalone(state)
            default:
                flushWhiteSpace()
                nodes.append(.variable(try parseName(state), escaped: true))
            }
            state.newLine = setNewLine
        }
        guard state.sectionName == nil else { throw .expectedSectionEnd }
        return nodes
    }
}
