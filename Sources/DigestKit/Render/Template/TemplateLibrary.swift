/// Every template of a theme compiled, by name: what pages render from.
struct TemplateLibrary: @unchecked Sendable {
    private(set) var programs: [TemplateProgram]
    let indices: [String: Int]

    /// Compiles parsed templates; partials are resolved by name to the templates given here.
    init(_ parsed: [String: [TemplateNode]]) {
        let names = parsed.keys.sorted()
        let indices = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        self.indices = indices
        programs = names.map { TemplateProgram(parsed[$0]!, partials: indices) }
    }

    func program(named name: String) -> TemplateProgram? {
        indices[name].map { programs[$0] }
    }

    /// The library with template `name` (one it has) rendering `nodes` instead, wherever it is
    /// included: how `PartialMemo` puts a stub in a partial's place.
    func replacing(_ name: String, with nodes: [TemplateNode]) -> TemplateLibrary {
        var library = self
        if let index = indices[name] { library.programs[index] = TemplateProgram(nodes, partials: indices) }
        return library
    }

    /// Renders template `name` with `context` as the only value on the stack; nil when there is
    /// no such template.
    func render(_ context: Any, template name: String) -> String? {
        renderBytes(context, template: name).map { String(decoding: $0, as: UTF8.self) }
    }

    /// As `render`, as the UTF-8 bytes written: a page goes to its file without becoming a
    /// `String` (validated) and bytes again. Every piece appended comes from a `String` or a
    /// template's text, whole, so the bytes are valid UTF-8.
    func renderBytes(_ context: Any, template name: String) -> [UInt8]? {
        guard let program = program(named: name) else { return nil }
        let run = TemplateRun(library: self, context: context)
        run.run(program, TemplateRun.Frame())
        return run.output
    }
}
