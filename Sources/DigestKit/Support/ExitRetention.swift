import Foundation

/// Values a one-shot command keeps until the process ends. Freeing a 10,000-article site value
/// by value took a tenth of a second after the build was done; the system reclaims the memory
/// at exit at once. Only for processes that exit after the build (`digest build`), never for the
/// preview server, which builds again and again.
enum ExitRetention {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var kept: [Any] = []

    static func keep(_ values: Any...) {
        lock.withLock { kept.append(contentsOf: values) }
    }
}
