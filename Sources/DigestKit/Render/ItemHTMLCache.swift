import Synchronization

/// The `partials/item` template rendered once per article, then reused by every list that shows
/// the article (its day, week, section, tags, speakers…). Lists are most of a site's rendering,
/// and an article appears in half a dozen of them, on pages at several folder depths.
///
/// The partial is rendered with a placeholder for `{{root}}`, which is then swapped for each
/// page's own prefix: the only value in an item's context that depends on the page.
final class ItemHTMLCache: Sendable {
    static let partial = "partials/item"
    /// Control characters pass through HTML escaping unchanged and never occur in a title or
    /// a URL, so the placeholder cannot clash with an article's text.
    static let rootPlaceholder = "\u{1}root\u{1}"

    private let templates: TemplateSet
    private let shared: [String: any Sendable]
    /// Per article index: the rendered HTML cut at each placeholder.
    private let pieces: Mutex<[[Substring]?]>

    init(templates: TemplateSet, site: Site, words: Localization, count: Int) {
        self.templates = templates
        hasPartial = templates.library.program(named: Self.partial) != nil
        pieces = Mutex([[Substring]?](repeating: nil, count: count))
        let config = site.config
        shared = [
            "site": ["title": config.title, "description": config.description, "language": config.language],
            "assets": "assets/",
            "t": words.templateStrings,
        ]
    }

    /// False when the theme has no item partial: lists then carry no `html`.
    let hasPartial: Bool

    func html(for index: Int, root: String, item: [String: Any]) -> String? {
        guard hasPartial else { return nil }
        let cut: [Substring]
        if let cached = pieces.withLock({ $0[index] }) {
            cut = cached
        } else {
            var context = item
            for (key, value) in shared where context[key] == nil { context[key] = value }
            context["root"] = Self.rootPlaceholder
            // Rendering outside the lock lets threads work in parallel; two threads may render
            // the same item once each, with the same result.
            let html = templates.render(context, template: Self.partial)
            cut = Self.cut(html, at: Self.rootPlaceholder)
            pieces.withLock { $0[index] = cut }
        }
        return cut.joined(separator: root)
    }

    /// `html.split(separator: placeholder)` keeping empty pieces, on UTF-8 bytes: the standard
    /// library's substring search, run for every item, showed in a full build's profile.
    static func cut(_ html: String, at placeholder: String) -> [Substring] {
        let bytes = html.utf8
        let marker = placeholder.utf8
        guard let first = marker.first else { return [html[...]] }
        var pieces: [Substring] = []
        var pieceStart = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == first, bytes[index...].starts(with: marker) {
                pieces.append(html[pieceStart..<index])
                index = bytes.index(index, offsetBy: marker.count)
                pieceStart = index
            } else {
                bytes.formIndex(after: &index)
            }
        }
        pieces.append(html[pieceStart...])
        return pieces
    }
}
