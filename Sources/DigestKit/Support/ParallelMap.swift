import Dispatch

extension Array where Element: Sendable {
    /// `map` across all cores, results in input order (so output never depends on scheduling).
    func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            nonisolated(unsafe) let results = buffer
            self.withUnsafeBufferPointer { input in
                nonisolated(unsafe) let input = input
                DispatchQueue.concurrentPerform(iterations: input.count) { index in
                    (results.baseAddress! + index).initialize(to: transform(input[index]))
                }
            }
            initialized = count
        }
    }
}
