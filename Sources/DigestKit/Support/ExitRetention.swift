import Synchronization

/// Values a one-shot command keeps until the process ends. Freeing a large site value piece by
/// piece after the build was done showed in the time of a build; the system reclaims the memory
/// at exit at once. Only for processes that exit after the build (`digest build`), never for the
/// preview server, which builds again and again.
enum ExitRetention {
    private struct Kept: @unchecked Sendable {
        /// Never read: the values are only held until the process exits.
        var values: [Any] = []
    }

    private static let kept = Mutex(Kept())

    static func keep(_ values: Any...) {
        let batch = Kept(values: values)
        kept.withLock { $0.values.append(contentsOf: batch.values) }
    }
}
