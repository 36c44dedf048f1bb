import Foundation
import Synchronization

/// Parsed articles kept between builds in one process (the preview server rebuilds on every
/// save): a file whose bytes, and the settings that shape its parse, are unchanged is not parsed
/// again.
public final class ParseCache: Sendable {
    private struct Entry {
        var bytes: Data
        var outcome: ArticleParser.Outcome
    }

    private struct State {
        var entries: [String: Entry] = [:]
        /// What else a parse depends on; a change empties the cache.
        var settings: Settings?
    }

    private let state = Mutex(State())

    struct Settings: Equatable {
        var timeZone: String
        var unsafeHTML: Bool
        var assets: Set<String>
    }

    public init() {}

    func prepare(_ settings: Settings) {
        state.withLock { state in
            if state.settings != settings {
                state.entries = [:]
                state.settings = settings
            }
        }
    }

    func outcome(for source: SourceFile) -> ArticleParser.Outcome? {
        state.withLock { state in
            guard let entry = state.entries[source.path], entry.bytes == source.bytes else { return nil }
            return entry.outcome
        }
    }

    func store(_ outcome: ArticleParser.Outcome, for source: SourceFile) {
        state.withLock { $0.entries[source.path] = Entry(bytes: source.bytes, outcome: outcome) }
    }

    /// Forgets files that are gone, so the cache never outgrows the site.
    func keep(only paths: Set<String>) {
        state.withLock { $0.entries = $0.entries.filter { paths.contains($0.key) } }
    }
}
