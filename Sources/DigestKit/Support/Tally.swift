import Foundation

/// A count kept from many threads.
final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func step() { lock.withLock { value += 1 } }

    var count: Int { lock.withLock { value } }
}
