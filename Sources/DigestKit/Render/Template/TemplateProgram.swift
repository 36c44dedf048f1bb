/// A template compiled for rendering: static text as ready UTF-8 bytes, names split into
/// their dotted parts, partials resolved to their place in the `TemplateLibrary`. Compiled
/// once per build; rendering then only reads it.
final class TemplateProgram: @unchecked Sendable {
    let ops: [TemplateOp]

    init(_ ops: [TemplateOp]) {
        self.ops = ops
    }
}

indirect enum TemplateOp {
    case text([UInt8])
    case value(TemplatePath, escaped: Bool)
    case section(TemplatePath, TemplateProgram)
    case invertedSection(TemplatePath, TemplateProgram)
    /// `{{$name}}`: the override a child template gave, else `default`.
    case block(String, default: TemplateProgram, indentation: [UInt8])
    /// A partial by its index in the library (nil when the library has no such template, which
    /// renders nothing, as in swift-mustache).
    case partial(Int?, indentation: [UInt8], overrides: [String: TemplateProgram]?)
    /// `{{>*name}}`: the partial whose name the value `name` holds.
    case dynamicPartial(TemplatePath, indentation: [UInt8], overrides: [String: TemplateProgram]?)
    case escaping(TemplateEscaping)
}

/// Where a tag's value comes from, worked out from its name once.
struct TemplatePath {
    enum Start {
        /// `.`, or a name starting with `.`: the innermost context only.
        case top
        /// A name found in the innermost context that has its first part, searching outwards.
        case stack
        /// `first()`, `last()`, `index()`…: the position in the list being iterated.
        case sequence
    }

    let start: Start
    /// The dotted parts, empty ones dropped (`a.b` → `[a, b]`).
    let names: [String]
    /// Applied innermost first: `empty(x)` → `[empty]`, `a(b(x))` → `[b, a]`.
    let transforms: [String]

    init(_ name: TemplateName) {
        transforms = name.transforms.reversed()
        names = name.name.split(separator: ".").map(String.init)
        if name.name == "." {
            start = .top
        } else if name.name.isEmpty, !name.transforms.isEmpty {
            start = .sequence
        } else if name.name.first == "." {
            start = .top
        } else {
            start = .stack
        }
    }
}

extension TemplateProgram {
    /// Compiles a parsed template; `partials` gives each template name's index in the library.
    convenience init(_ nodes: [TemplateNode], partials: [String: Int]) {
        self.init(Self.compile(nodes, partials: partials))
    }

    private static func compile(_ nodes: [TemplateNode], partials: [String: Int]) -> [TemplateOp] {
        var ops: [TemplateOp] = []
        func program(_ nodes: [TemplateNode]) -> TemplateProgram { TemplateProgram(nodes, partials: partials) }
        func overrides(_ blocks: [String: [TemplateNode]]?) -> [String: TemplateProgram]? { blocks?.mapValues(program) }
        for node in nodes {
            switch node {
            case let .text(text):
                // Neighbouring texts are one copy at render time.
                if case let .text(previous) = ops.last {
                    ops[ops.count - 1] = .text(previous + Array(text.utf8))
                } else {
                    ops.append(.text(Array(text.utf8)))
                }
            case let .variable(name, escaped): ops.append(.value(TemplatePath(name), escaped: escaped))
            case let .section(name, body, inverted):
                ops.append(inverted ? .invertedSection(TemplatePath(name), program(body)) : .section(TemplatePath(name), program(body)))
            case .blockDefinition:
                // Only inside `{{<parent}}`, where the parser takes them as overrides.
                break
            case let .blockExpansion(name, body, indentation):
                ops.append(.block(name, default: program(body), indentation: Array(indentation.utf8)))
            case let .partial(name, dynamic, indentation, blocks):
                if dynamic {
                    let path = TemplatePath(TemplateName(name: name, transforms: []))
                    ops.append(.dynamicPartial(path, indentation: Array(indentation.utf8), overrides: overrides(blocks)))
                } else {
                    ops.append(.partial(partials[name], indentation: Array(indentation.utf8), overrides: overrides(blocks)))
                }
            case let .escaping(escaping): ops.append(.escaping(escaping))
            }
        }
        return ops
    }
}
