import Foundation
import Synchronization

/// `transform` over `0..<count`, started at once on a thread of its own, a chunk at a time;
/// the first to ask for the results joins in with the chunks still left. The work overlaps
/// whatever the asking thread did before, and finishes on two cores.
///
/// A rebuild stamps the output's files and folders this way: on a thread of its own with
/// `parallelMap` inside, the stamping competed with the indexing for the same cores and gained
/// nothing from them; after the indexing, it waited for it.
///
/// Unchecked: `results` is a raw buffer; each slot is written by the one thread that claimed its
/// index, and read only after `allDone`.
final class SharedWork<Element: Sendable>: @unchecked Sendable {
    private let count: Int
    private let transform: @Sendable (Int) -> Element
    private let results: UnsafeMutablePointer<Element?>
    /// The next index no thread has claimed, and how many indices are done.
    private let claimed = Atomic<Int>(0)
    private let finished = Atomic<Int>(0)
    private let allDone = DispatchSemaphore(value: 0)
    private let collected = Mutex<[Element]?>(nil)
    static var chunk: Int { 128 }

    init(count: Int, _ transform: @escaping @Sendable (Int) -> Element) {
        self.count = count
        self.transform = transform
        results = UnsafeMutablePointer<Element?>.allocate(capacity: max(count, 1))
        results.initialize(repeating: nil, count: max(count, 1))
        if count == 0 { allDone.signal() }
        DispatchQueue.global().async { self.work() }
    }

    deinit {
        results.deinitialize(count: max(count, 1))
        results.deallocate()
    }

    /// Claims chunks until none is left. Each index is written by the one thread that claimed
    /// it; the semaphore orders every write before the collecting read.
    private func work() {
        while true {
            let start = claimed.wrappingAdd(Self.chunk, ordering: .relaxed).oldValue
            guard start < count else { return }
            let end = min(start + Self.chunk, count)
            for index in start..<end { results[index] = transform(index) }
            if finished.wrappingAdd(end - start, ordering: .acquiringAndReleasing).newValue == count { allDone.signal() }
        }
    }

    /// The results in index order; the first caller helps with what is left, then waits.
    var value: [Element] {
        collected.withLock { collected in
            if let collected { return collected }
            work()
            allDone.wait()
            let all = (0..<count).map { results[$0]! }
            collected = all
            return all
        }
    }
}
