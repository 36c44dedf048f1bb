import Mustache
import Synchronization

/// Renders partials such as the site header and footer once per folder depth instead of once
/// per page. They read only values every page shares (the site's settings, the navigation)
/// and the way back to the root, yet swift-mustache, which rendered them before
/// `Render/Template/`, spent about as long on them as on the rest of an article page.
///
/// Nothing is assumed from a partial's name. A partial qualifies when its text includes no
/// other template and every `{{> partial}}` of it stands outside sections, blocks and
/// indentation, in a page template or in a layout those extend at their top: there the
/// partial sees exactly the page's own values. Pages then render from a copy of the library in
/// which the partial is a stub printing a value of the page's context.
///
/// That value is checked, not trusted: the partial is rendered for the first page at each
/// depth with every name it looks up among the page's values recorded. When it read only
/// `sharedNames` (and `root`, the key), the result stands for every page at that depth;
/// otherwise every such page renders the partial itself.
final class PartialMemo: Sendable {
    /// Values `SiteRenderer` gives every page alike, at a given `root`.
    static let sharedNames: Set<String> = ["root", "site", "nav", "assets", "lang", "dir", "t"]

    /// The library pages render from: the theme's, with a stub for each memoized partial.
    let pageLibrary: TemplateLibrary
    private let templates: TemplateSet
    /// Memoized partials and the context key their stub prints.
    private let partials: [(name: String, key: String)]
    /// Per partial and root with language (`rootAndLanguage`): the shared output, or nil when the
    /// partial read a page's own values.
    private let made = Mutex<[String: [String: String?]]>([:])

    init(templates: TemplateSet) {
        self.templates = templates
        partials = templates.memoPlan.partials
        pageLibrary = templates.memoPlan.pageLibrary
    }

    /// Which partials a set of templates memoizes, and the library with their stubs: worked
    /// out once with the templates (`TemplateSet.memoPlan`), as it depends on nothing else,
    /// and a preview's rebuild keeps its templates.
    struct Plan: Sendable {
        let partials: [(name: String, key: String)]
        let pageLibrary: TemplateLibrary

        init(library: TemplateLibrary, sources: [String: String]) {
            var library = library
            var partials: [(name: String, key: String)] = []
            for name in PartialMemo.candidates(sources).sorted() {
                let key = "digest-partial-\(partials.count)"
                library = library.replacing(name, with: [.variable(TemplateName(name: key, transforms: []), escaped: false)])
                partials.append((name, key))
            }
            self.partials = partials
            pageLibrary = library
        }
    }

    /// Adds to a page's context what the stubs print.
    func fill(_ context: inout [String: Any]) {
        guard !partials.isEmpty else { return }
        // An article in another language than the site's has its words (`t`, `lang`, `dir`).
        let root = Self.rootAndLanguage(context)
        let page = context
        for partial in partials {
            if let shared = made.withLock({ $0[partial.name]?[root] }) {
                context[partial.key] =
                    shared.map { $0 as Any }
                    ?? LazyHTML(fingerprint: 0) { [templates] in
                        templates.render(page, template: partial.name)
                    }
                continue
            }
            let recorder = RecordingContext(page)
            let html = templates.render(recorder, template: partial.name)
            let isShared = recorder.names.isSubset(of: Self.sharedNames)
            made.withLock { $0[partial.name, default: [:]][root] = .some(isShared ? html : nil) }
            context[partial.key] = html
        }
    }

    static func rootAndLanguage(_ context: [String: Any]) -> String {
        (context["root"] as? String ?? "") + "\u{0}" + (context["lang"] as? String ?? "")
    }

    /// Partials whose every inclusion sees only the page's own values (see the type's comment).
    static func candidates(_ sources: [String: String]) -> Set<String> {
        let tags = sources.mapValues(TemplateTags.init)
        let included = Set(tags.values.flatMap { $0.tags(">").map { String($0.name) } })
        let extended = Set(tags.values.flatMap { $0.tags("<").map { String($0.name) } })
        func plain(_ tag: TemplateTags.Tag) -> Bool { tag.sectionDepth == 0 && !tag.inBlock && !tag.indented }
        func escapingUnchanged(_ name: String) -> Bool { tags[name].map { $0.readable && $0.tags("%").isEmpty } ?? false }
        // Templates rendered with the page's values on top: pages, and layouts pages extend at
        // their top level (a layout's own layout would take another look; none is needed yet).
        var topLevel = Set(sources.keys.filter { !included.contains($0) && !extended.contains($0) && escapingUnchanged($0) })
        for layout in extended where !included.contains(layout) && escapingUnchanged(layout) {
            let extenders = tags.filter { $0.value.tags("<").contains { $0.name == layout } }
            if extenders.allSatisfy({ topLevel.contains($0.key) && $0.value.tags("<").allSatisfy(plain) }),
                tags[layout]?.tags("<").isEmpty == true
            {
                topLevel.insert(layout)
            }
        }
        return included.filter { name in
            guard let own = tags[name], own.readable,
                own.tags.allSatisfy({ !"><$%".contains($0.sigil ?? " ") }),
                // `{{.}}` at the top would print the page's whole context.
                !own.tags.contains(where: { $0.sectionDepth == 0 && $0.name == "." })
            else { return false }
            let includers = tags.filter { $0.value.tags(">").contains { $0.name == name } }
            return includers.allSatisfy { includer in
                topLevel.contains(includer.key) && includer.value.tags(">").filter { $0.name == name }.allSatisfy(plain)
            }
        }
    }
}

/// A page's values that note every name a template looks up among them.
private final class RecordingContext: MustacheParent, @unchecked Sendable {
    private let values: [String: Any]
    private(set) var names: Set<String> = []

    init(_ values: [String: Any]) {
        self.values = values
    }

    func child(named name: String) -> Any? {
        names.insert(name)
        return values[name]
    }
}
