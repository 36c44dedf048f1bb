import Foundation

/// What the preview has built, told to every open page. `generation` goes up only when a good
/// build is published; a page reloads when it moves, and shows or clears the error overlay
/// otherwise.
public actor PreviewState {
    public struct Snapshot: Sendable, Equatable, Codable {
        /// Different for every run of the server, so a page that reconnects to a restarted
        /// server reloads even when the generations happen to match.
        public var server: String
        public var generation: Int
        /// `path:line:column: message` lines of the last failed build; empty when it succeeded.
        public var problems: [String]
        /// Pages whose address changed while the server ran: old path → current path, both from
        /// the site root (`/articles/old-slug/`). A page at an old path goes to the new one.
        public var moved: [String: String]
    }

    private var snapshot = Snapshot(server: UUID().uuidString, generation: 0, problems: [], moved: [:])
    private var listeners: [Int: AsyncStream<Snapshot>.Continuation] = [:]
    private var nextListener = 0
    private var lastAddresses: [String: String] = [:]

    public init() {}

    public var current: Snapshot { snapshot }

    /// A good build is being served: pages reload and any error overlay clears. `addresses`
    /// gives each article's source and its page's path (`/articles/a/`); an article whose path
    /// differs from the last good build's moved, and pages at its old path go to the new one.
    /// Without `addresses`, every page is where the last good build put it.
    public func published(addresses: [String: String]? = nil) {
        if let addresses { record(addresses) }
        snapshot.generation += 1
        snapshot.problems = []
        tell()
    }

    private func record(_ addresses: [String: String]) {
        var moves: [String: String] = [:]
        for (source, path) in addresses {
            if let old = lastAddresses[source], old != path { moves[old] = path }
        }
        lastAddresses = addresses
        let current = Set(addresses.values)
        var moved = snapshot.moved.mapValues { moves[$0] ?? $0 }
        moved.merge(moves) { _, new in new }
        // An old path that a page now stands at again is that page's, not a move.
        snapshot.moved = moved.filter { old, new in old != new && !current.contains(old) }
    }

    /// A build failed: the last good site stays, pages show an overlay with `problems`.
    public func failed(_ problems: [String]) {
        snapshot.problems = problems
        tell()
    }

    /// The current state at once, then every change; ends when the caller stops listening.
    /// Only the newest state is kept for a slow listener: each one says everything.
    public func updates() -> AsyncStream<Snapshot> {
        let (stream, continuation) = AsyncStream<Snapshot>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let id = nextListener
        nextListener += 1
        listeners[id] = continuation
        continuation.onTermination = { _ in Task { await self.stopTelling(id) } }
        continuation.yield(snapshot)
        return stream
    }

    /// How many pages are listening; for tests and the log.
    public var listenerCount: Int { listeners.count }

    private func stopTelling(_ id: Int) {
        listeners.removeValue(forKey: id)
    }

    private func tell() {
        for continuation in listeners.values { continuation.yield(snapshot) }
    }
}
