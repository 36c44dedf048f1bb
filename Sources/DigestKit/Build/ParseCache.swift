import Foundation

/// Parsed articles kept between builds in one process (the preview server rebuilds on every
/// save): a file whose bytes, and the settings that shape its parse, are unchanged is not parsed
/// again.
public final class ParseCache: @unchecked Sendable {
    private struct Entry {
        var bytes: Data
        var outcome: ArticleParser.Outcome
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    /// What else a parse depends on; a change empties the cache.
    private var settings: Settings?

    struct Settings: Equatable {
        var timeZone: String
        var unsafeHTML: Bool
        var assets: Set<String>
    }

    public init() {}

    func prepare(_ settings: Settings) {
        lock.withLock {
            if self.settings != settings {
                entries = [:]
                self.settings = settings
            }
        }
    }

    func outcome(for source: SourceFile) -> ArticleParser.Outcome? {
        lock.withLock {
            guard let entry = entries[source.path], entry.bytes == source.bytes else { return nil }
            return entry.outcome
        }
    }

    func store(_ outcome: ArticleParser.Outcome, for source: SourceFile) {
        lock.withLock { entries[source.path] = Entry(bytes: source.bytes, outcome: outcome) }
    }

    /// Forgets files that are gone, so the cache never outgrows the site.
    func keep(only paths: Set<String>) {
        lock.withLock { entries = entries.filter { paths.contains($0.key) } }
    }
}
