import Foundation
import Synchronization
import Testing

@testable import DigestKit

@Suite struct SharedWorkTests {
    /// Every index once, in order, whoever does the work; asking twice, or from several
    /// threads at once, gives the same results.
    @Test(arguments: [0, 1, 127, 128, 129, 5_000])
    func givesEveryResultInOrderOnce(count: Int) {
        let calls = Calls()
        let work = SharedWork(count: count) { index -> Int in
            calls.count(index)
            return index * 3
        }
        let expected = (0..<count).map { $0 * 3 }
        let seen = [[Int]](repeating: [], count: 4).parallelMap { _ in work.value }
        #expect(seen.allSatisfy { $0 == expected })
        #expect(work.value == expected)
        #expect(calls.all == Array(0..<count))
    }

    final class Calls: Sendable {
        private let indices = Mutex<[Int]>([])
        func count(_ index: Int) { indices.withLock { $0.append(index) } }
        var all: [Int] { indices.withLock { $0.sorted() } }
    }
}
