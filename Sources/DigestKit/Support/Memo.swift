import Synchronization

/// Values worked out once per key and shared between threads.
final class Memo<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let values = Mutex<[Key: Value]>([:])

    /// The value for `key`, made by `make` the first time. Two threads may both make it once;
    /// either result is kept, as they are the same.
    func value(for key: Key, make: () -> Value) -> Value {
        if let value = values.withLock({ $0[key] }) { return value }
        let value = make()
        values.withLock { $0[key] = value }
        return value
    }
}
