import Mustache

/// Sections and printed values, with swift-mustache's rules: a list repeats its section per
/// element, `true` shows it, a null custom value or a missing one hides it, and anything else
/// becomes the innermost context.
extension TemplateRun {
    func renderSection(_ value: Any?, _ body: TemplateProgram, _ frame: Frame) {
        guard let value else { return }
        let kind = TemplateValueKind(value)
        switch kind {
        case .list: renderEach(TemplateContext.elements(of: value), body, frame)
        case .bool: if value as! Bool { run(body, frame) }
        case .string, .int, .dictionary, .stringDictionary, .templateValues, .shared, .listItem, .lazyHTML:
            push(TemplateContext(value, kind: kind), body, frame)
        case .other:
            if let sequence = value as? any MustacheSequence {
                renderEach(Self.contexts(of: sequence), body, frame)
            } else if let bool = value as? Bool {
                if bool { run(body, frame) }
            } else if let custom = value as? MustacheCustomRenderable, custom.isNull {
                return
            } else {
                push(TemplateContext(value, kind: .other), body, frame)
            }
        }
    }

    func renderInvertedSection(_ value: Any?, _ body: TemplateProgram, _ frame: Frame) {
        guard let value else { return run(body, frame) }
        switch TemplateValueKind(value) {
        case .list: if TemplateContext.elements(of: value).isEmpty { push(TemplateContext(value, kind: .list), body, frame) }
        case .bool: if !(value as! Bool) { run(body, frame) }
        case .string, .int, .dictionary, .stringDictionary, .templateValues, .shared, .listItem, .lazyHTML: return
        case .other:
            if let sequence = value as? any MustacheSequence {
                if Self.isEmpty(sequence) { push(TemplateContext(value, kind: .other), body, frame) }
            } else if let bool = value as? Bool {
                if !bool { run(body, frame) }
            } else if let custom = value as? MustacheCustomRenderable, custom.isNull {
                run(body, frame)
            }
        }
    }

    /// A user's sequence's elements, each told its kind as it is pushed.
    private static func contexts(of sequence: some Sequence) -> [TemplateContext] {
        sequence.map { TemplateContext($0) }
    }

    private static func isEmpty(_ sequence: some Sequence) -> Bool {
        var elements = sequence.makeIterator()
        return elements.next() == nil
    }

    private func push(_ context: TemplateContext, _ body: TemplateProgram, _ frame: Frame) {
        var inner = frame
        inner.sequence = nil
        stack.append(context)
        run(body, inner)
        stack.removeLast()
    }

    private func renderEach(_ elements: [TemplateContext], _ body: TemplateProgram, _ frame: Frame) {
        var inner = frame
        for (index, element) in elements.enumerated() {
            inner.sequence = TemplateSequencePosition(first: index == 0, last: index == elements.count - 1, index: index)
            stack.append(element)
            run(body, inner)
            stack.removeLast()
        }
    }

    /// `{{name}}` (escaped as `escaping` says) and `{{{name}}}` (`.text`).
    func append(_ value: Any, escaping: TemplateEscaping) {
        switch TemplateValueKind(value) {
        case .string: append(string: value as! String, escaping: escaping)
        case .int: append(string: String(value as! Int), escaping: escaping)
        case .bool: append(string: (value as! Bool) ? "true" : "false", escaping: escaping)
        case .lazyHTML:
            let html = value as! LazyHTML
            if escaping == .text, let write = html.write { write(&output) } else { append(string: html.make(), escaping: escaping) }
        default:
            if let renderable = value as? MustacheCustomRenderable {
                append(string: renderable.renderText, escaping: escaping)
            } else if let optional = value as? TemplateOptional {
                append(string: String(describing: optional.wrappedAny ?? value), escaping: escaping)
            } else {
                append(string: String(describing: value), escaping: escaping)
            }
        }
    }

    func append(string: String, escaping: TemplateEscaping) {
        if escaping == .characterHTML { return TemplateEscaper.appendCharacterHTML(string, to: &output) }
        // Read where it lies: `withUTF8` needs a mutable copy, a retain and a release for every
        // value printed. (Only a string bridged from elsewhere has no such storage.)
        let appended: Void? = string.utf8.withContiguousStorageIfAvailable { append(utf8: $0, escaping: escaping) }
        if appended == nil {
            var string = string
            string.withUTF8 { append(utf8: $0, escaping: escaping) }
        }
    }

    private func append(utf8 bytes: UnsafeBufferPointer<UInt8>, escaping: TemplateEscaping) {
        if escaping == .html { TemplateEscaper.appendHTML(bytes, to: &output) } else { output.append(contentsOf: bytes) }
    }
}

/// An `Optional` seen as `Any`, unwrapped for printing as swift-mustache does.
protocol TemplateOptional {
    var wrappedAny: Any? { get }
}

extension Optional: TemplateOptional {
    var wrappedAny: Any? { self }
}
