import Dispatch

/// A value computed on another thread, started at once and waited for when first read.
final class Background<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Value?
    private var waited = false

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async {
            self.result = work()
            self.done.signal()
        }
    }

    /// Blocks until the work has finished; call it from one thread only.
    var value: Value {
        if !waited {
            done.wait()
            waited = true
        }
        return result!
    }
}
