/// One rendering of a template: the output, appended to as UTF-8 bytes, and the stack of
/// context values, pushed and popped as sections are entered and left (not copied per level).
final class TemplateRun {
    /// What swift-mustache keeps in its context besides the stack: it changes on the way into
    /// sections, partials and blocks, and comes back on the way out.
    struct Frame {
        /// Set only directly inside a list's section, for `first()`, `last()`, `index()`….
        var sequence: TemplateSequencePosition?
        /// Put before each line of output, for a standalone partial or block that is indented.
        var indentation: [UInt8] = []
        /// Blocks filled by templates that extend the one rendering (`{{<parent}}`), the
        /// outermost template's winning.
        var overrides: [String: TemplateProgram]?
        var escaping: TemplateEscaping = .html
    }

    let library: TemplateLibrary
    @exclusivity(unchecked) var output: [UInt8] = []
    @exclusivity(unchecked) var stack: [TemplateContext]

    init(library: TemplateLibrary, context: Any) {
        self.library = library
        stack = [TemplateContext(context)]
        output.reserveCapacity(16_384)
    }

    /// Runs a program: a template, a section's body, a block. Indentation is applied as
    /// swift-mustache applies it: before an op's output when this run's own output so far
    /// ends with a line break.
    func run(_ program: TemplateProgram, _ frame: Frame) {
        var frame = frame
        if frame.indentation.isEmpty {
            for index in program.ops.indices { execute(program, index, &frame) }
            return
        }
        let start = output.count
        for index in program.ops.indices {
            let before = output.count
            if case let .text(bytes) = program.ops[index] {
                appendIndented(bytes, start: start, indentation: frame.indentation)
                continue
            }
            execute(program, index, &frame)
            if output.count > before, endsLine(at: before, start: start) {
                output.insert(contentsOf: frame.indentation, at: before)
            }
        }
    }

    /// Whether this run's output before `index` ends with a lone `\n` (a `\r\n` is one
    /// Character, which swift-mustache does not take for `\n`).
    private func endsLine(at index: Int, start: Int) -> Bool {
        guard index > start, output[index - 1] == UInt8(ascii: "\n") else { return false }
        return !(index - 1 > start && output[index - 2] == UInt8(ascii: "\r"))
    }

    /// Static text under indentation. Its line breaks are where swift-mustache's separate
    /// text tokens ended (the parser cuts text after every line break), so indentation goes
    /// where one of them begins after a line break.
    private func appendIndented(_ bytes: [UInt8], start: Int, indentation: [UInt8]) {
        var pieceStart = 0
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") || index == bytes.count - 1 {
            if endsLine(at: output.count, start: start) { output.append(contentsOf: indentation) }
            output.append(contentsOf: bytes[pieceStart...index])
            pieceStart = index + 1
        }
    }

    /// Op `index` of `program`, read where it lies: an op copied out to be passed (or by
    /// `for op in`) is retained and released, for every op of every page.
    private func execute(_ program: TemplateProgram, _ index: Int, _ frame: inout Frame) {
        switch program.ops[index] {
        case let .text(bytes):
            output.append(contentsOf: bytes)
        case let .value(path, escaped):
            guard let value = resolve(path, frame) else { return }
            append(value, escaping: escaped ? frame.escaping : .text)
        case let .section(path, body):
            renderSection(resolve(path, frame), body, frame)
        case let .invertedSection(path, body):
            renderInvertedSection(resolve(path, frame), body, frame)
        case let .block(name, fallback, indentation):
            var inner = frame
            inner.sequence = nil
            inner.indentation += indentation
            run(frame.overrides?[name] ?? fallback, inner)
        case let .partial(index, indentation, overrides):
            guard let index else { return }
            runPartial(library.programs[index], indentation: indentation, overrides: overrides, frame)
        case let .dynamicPartial(path, indentation, overrides):
            guard let name = resolve(path, frame) as? String, let program = library.program(named: name) else { return }
            runPartial(program, indentation: indentation, overrides: overrides, frame)
        case let .escaping(escaping):
            frame.escaping = escaping
        }
    }

    private func runPartial(_ program: TemplateProgram, indentation: [UInt8], overrides: [String: TemplateProgram]?, _ frame: Frame) {
        var inner = Frame()
        inner.indentation = frame.indentation + indentation
        if let overrides {
            inner.overrides = frame.overrides.map { $0.merging(overrides) { outer, _ in outer } } ?? overrides
        } else {
            inner.overrides = frame.overrides
        }
        run(program, inner)
    }
}
