import Foundation

/// Items gathered from many threads.
final class Gathered<Element: Hashable & Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var elements = Set<Element>()

    func insert(_ element: Element) { _ = lock.withLock { elements.insert(element) } }

    var all: Set<Element> { lock.withLock { elements } }
}
