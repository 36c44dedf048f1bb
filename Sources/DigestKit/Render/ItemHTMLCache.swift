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
    /// Per article index: the rendered HTML cut at each placeholder, as UTF-8 bytes that a
    /// page's template run appends with the page's root between them.
    private let pieces: Mutex<[[[UInt8]]?]>

    init(templates: TemplateSet, site: Site, words: Localization, count: Int) {
        self.templates = templates
        hasPartial = templates.library.program(named: Self.partial) != nil
        pieces = Mutex([[[UInt8]]?](repeating: nil, count: count))
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
        var html: [UInt8] = []
        write(index, root: root, item: item, into: &html)
        return String(decoding: html, as: UTF8.self)
    }

    /// Appends the item's HTML for a page whose root prefix is `root` to `output`: straight
    /// into the page, where making a `String` of each item for each page (and checking it)
    /// showed in a full build's profile.
    func write(_ index: Int, root: String, item: [String: Any], into output: inout [UInt8]) {
        guard hasPartial else { return }
        let cut: [[UInt8]]
        if let cached = pieces.withLock({ $0[index] }) {
            cut = cached
        } else {
            var context = item
            for (key, value) in shared where context[key] == nil { context[key] = value }
            context["root"] = Self.rootPlaceholder
            // Rendering outside the lock lets threads work in parallel; two threads may render
            // the same item once each, with the same result.
            let html = TemplateSet.renderBytes(context, template: Self.partial, from: templates.library)
            cut = Self.cut(html, at: Array(Self.rootPlaceholder.utf8))
            pieces.withLock { $0[index] = cut }
        }
        var root = root
        root.withUTF8 { root in
            for (position, piece) in cut.enumerated() {
                if position > 0 { output.append(contentsOf: root) }
                output.append(contentsOf: piece)
            }
        }
    }

    /// `html` split at each `marker`, keeping empty pieces, on bytes: the standard library's
    /// substring search, run for every item, showed in a full build's profile.
    static func cut(_ html: [UInt8], at marker: [UInt8]) -> [[UInt8]] {
        guard let first = marker.first else { return [html] }
        var pieces: [[UInt8]] = []
        var pieceStart = 0
        var index = 0
        while index < html.count {
            if html[index] == first, html[index...].starts(with: marker) {
                pieces.append(Array(html[pieceStart..<index]))
                index += marker.count
                pieceStart = index
            } else {
                index += 1
            }
        }
        pieces.append(Array(html[pieceStart...]))
        return pieces
    }
}
