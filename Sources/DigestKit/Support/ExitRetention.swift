import Synchronization

/// Values a one-shot command keeps until the process ends. Freeing a 10,000-article site value
/// by value took a tenth of a second after the build was done; the system reclaims the memory
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
