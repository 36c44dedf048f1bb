import Dispatch
import Synchronization

/// Wall time spent in each stage of a build, for `digest build --timings` and the benchmark:
/// where the time goes decides what to make faster next. A stage timed twice adds up; stages
/// are listed in the order they were first timed.
public final class StageClock: Sendable {
    public struct Stage: Sendable, Equatable {
        public var name: String
        public var seconds: Double
    }

    private let stages = Mutex<[Stage]>([])

    public init() {}

    /// Runs `work`, adding its wall time to the stage `name`.
    public func time<Value, Failure: Error>(_ name: String, _ work: () throws(Failure) -> Value) throws(Failure) -> Value {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { add(name, nanoseconds: DispatchTime.now().uptimeNanoseconds - start) }
        return try work()
    }

    public func add(_ name: String, nanoseconds: UInt64) {
        let seconds = Double(nanoseconds) / 1e9
        stages.withLock { stages in
            if let index = stages.firstIndex(where: { $0.name == name }) {
                stages[index].seconds += seconds
            } else {
                stages.append(Stage(name: name, seconds: seconds))
            }
        }
    }

    /// Adds the time since `start` (`DispatchTime.now().uptimeNanoseconds`) to `name`.
    public func add(_ name: String, since start: UInt64) {
        add(name, nanoseconds: DispatchTime.now().uptimeNanoseconds - start)
    }

    public var all: [Stage] { stages.withLock { $0 } }
}
