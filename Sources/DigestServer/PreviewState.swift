/// What the preview has built. `revision` goes up on every change of state; `generation` only
/// when a good build is published. Pages long-poll with the revision they know, reload when the
/// generation moves, and show or clear the error overlay otherwise.
public actor PreviewState {
    public struct Snapshot: Sendable, Equatable, Encodable {
        public var revision: Int
        public var generation: Int
        /// `path:line:column: message` lines of the last failed build; empty when it succeeded.
        public var problems: [String]
    }

    private var snapshot = Snapshot(revision: 0, generation: 0, problems: [])
    private var waiters: [Int: CheckedContinuation<Snapshot, Never>] = [:]
    private var nextWaiter = 0

    public init() {}

    public var current: Snapshot { snapshot }

    /// A good build is being served: pages reload and any error overlay clears.
    public func published() {
        snapshot.generation += 1
        snapshot.problems = []
        changed()
    }

    /// A build failed: the last good site stays, pages show an overlay with `problems`.
    public func failed(_ problems: [String]) {
        snapshot.problems = problems
        changed()
    }

    /// Returns as soon as the revision differs from `revision`, or after `timeout` with the
    /// current state (so proxies and browsers never see a request hang for long).
    public func wait(after revision: Int, timeout: Duration) async -> Snapshot {
        if snapshot.revision != revision { return snapshot }
        let id = nextWaiter
        nextWaiter += 1
        let timer = Task {
            try await Task.sleep(for: timeout)
            self.wake(id)
        }
        let result = await withCheckedContinuation { continuation in
            waiters[id] = continuation
        }
        timer.cancel()
        return result
    }

    private func wake(_ id: Int) {
        waiters.removeValue(forKey: id)?.resume(returning: snapshot)
    }

    private func changed() {
        snapshot.revision += 1
        let pending = waiters
        waiters = [:]
        for continuation in pending.values { continuation.resume(returning: snapshot) }
    }
}
