/// `newsletter:` in site.yml: how much of a busy week each `newsletter.html` lists.
///
/// Gmail clips a message past about 102 KB and hides the rest, footer and unsubscribe link
/// included; so the file is kept under `maxBytes`, listing fewer leading articles per section
/// and linking the rest on the week page.
public struct NewsletterSettings: Sendable, Hashable {
    /// The most bytes `newsletter.html` may have.
    public var maxBytes = 100_000
    /// Articles listed per section before "N more in Diplomacy"; nil lists all that fit.
    public var leadArticles: Int?
    /// A line at the foot of both files, as typed: the mail tool's unsubscribe merge tag
    /// (`*|UNSUB|*`, `{{unsubscribe}}`) is left for the mail tool to fill.
    public var footer: String?

    public init() {}

    static let knownKeys: Set<String> = ["max_bytes", "lead_articles", "footer"]
    /// Below this not even a section heading and its "more" link per section would fit.
    static let smallestMaxBytes = 10_000

    /// Reads the `newsletter:` entry; a bad value is an error at its line, an unknown key a warning.
    static func parse(_ entry: YAMLFields.Entry, in fields: YAMLFields) -> (NewsletterSettings, [Diagnostic]) {
        var settings = NewsletterSettings()
        guard let nested = fields.nested(entry) else {
            return (settings, [fields.wrongType(entry, expected: "a set of fields such as 'max_bytes: 100000'")])
        }
        var diagnostics = nested.unknownKeyWarnings(known: knownKeys, what: "newsletter")
        func whole(_ key: String, atLeast least: Int, _ apply: (Int) -> Void) {
            guard let entry = nested.entry(key) else { return }
            switch nested.int(entry) {
            case let .success(value) where value >= least: apply(value)
            case .success: diagnostics.append(nested.wrongType(entry, expected: "a whole number of at least \(least)"))
            case let .failure(diagnostic): diagnostics.append(diagnostic)
            }
        }
        whole("max_bytes", atLeast: smallestMaxBytes) { settings.maxBytes = $0 }
        whole("lead_articles", atLeast: 1) { settings.leadArticles = $0 }
        if let entry = nested.entry("footer") {
            switch nested.string(entry) {
            case let .success(text): settings.footer = text.trimmingWhitespace().isEmpty ? nil : text
            case let .failure(diagnostic): diagnostics.append(diagnostic)
            }
        }
        return (settings, diagnostics)
    }

    func combine(into hasher: inout StableHasher) {
        hasher.combine(maxBytes)
        hasher.combine(leadArticles ?? 0)
        hasher.combine(footer ?? "\u{0}")
    }
}
