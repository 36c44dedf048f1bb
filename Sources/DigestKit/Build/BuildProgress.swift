import Synchronization

/// How far a build has got, for a progress bar. Reported from worker threads, at most every few
/// dozen items, so reporting costs nothing next to the work.
public struct BuildProgress: Sendable, Equatable {
    public enum Phase: String, Sendable {
        case loading = "Loading"
        case parsing = "Parsing"
        case indexing = "Indexing"
        case rendering = "Rendering"
        case finishing = "Finishing"

        /// Whether the phase goes item by item (articles, pages), so a count means something.
        public var isCounted: Bool { self == .parsing || self == .rendering }
    }

    public var phase: Phase
    public var done: Int
    public var total: Int

    public init(phase: Phase, done: Int, total: Int) {
        self.phase = phase
        self.done = done
        self.total = total
    }
}

/// Counts finished items across threads and reports every `stride` of them, and the last one.
final class ProgressCounter: Sendable {
    private let done = Atomic<Int>(0)
    private let phase: BuildProgress.Phase
    private let total: Int
    private let stride: Int
    private let report: (@Sendable (BuildProgress) -> Void)?

    init(_ phase: BuildProgress.Phase, total: Int, report: (@Sendable (BuildProgress) -> Void)?) {
        self.phase = phase
        self.total = total
        self.report = report
        stride = max(1, total / 200)
        report?(BuildProgress(phase: phase, done: 0, total: total))
    }

    func step(by steps: Int = 1) {
        guard let report, steps > 0 else { return }
        let (before, count) = done.wrappingAdd(steps, ordering: .relaxed)
        if count / stride != before / stride || count == total { report(BuildProgress(phase: phase, done: count, total: total)) }
    }
}
