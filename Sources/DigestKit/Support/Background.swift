import Dispatch

/// A value computed on another thread, started at once and waited for when first read.
final class Background<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchGroup()
    private var result: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async(group: done) {
            self.result = work()
        }
    }

    /// Blocks until the work has finished; safe from any thread (the group orders the write
    /// before every read).
    var value: Value {
        done.wait()
        return result!
    }
}
