import Foundation

/// The `partials/item` template rendered once per article and page depth, then reused by every
/// list that shows the article (its day, week, section, tags, speakers…). Lists are most of a
/// site's rendering, and an article appears in half a dozen of them.
final class ItemHTMLCache: @unchecked Sendable {
    static let partial = "partials/item"

    private let templates: TemplateSet
    private let shared: [String: Any]
    private let count: Int
    private let lock = NSLock()
    /// root prefix → HTML per article index.
    private var rendered: [String: [String?]] = [:]

    init(templates: TemplateSet, site: Site, count: Int) {
        self.templates = templates
        self.count = count
        let config = site.config
        shared = [
            "site": ["title": config.title, "description": config.description, "language": config.language],
            "assets": "assets/",
        ]
    }

    func html(for index: Int, root: String, item: [String: Any]) -> String? {
        guard templates.library.getTemplate(named: Self.partial) != nil else { return nil }
        if let cached = lock.withLock({ rendered[root]?[index] }) { return cached }
        var context = item
        context.merge(shared) { own, _ in own }
        context["root"] = root
        // Rendering outside the lock lets threads work in parallel; two threads may render the
        // same item once each, with the same result.
        let html = templates.render(context, template: Self.partial)
        lock.withLock {
            if rendered[root] == nil { rendered[root] = [String?](repeating: nil, count: count) }
            rendered[root]![index] = html
        }
        return html
    }
}
