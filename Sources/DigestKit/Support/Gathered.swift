import Synchronization

/// Items gathered from many threads.
final class Gathered<Element: Hashable & Sendable>: Sendable {
    private let elements = Mutex(Set<Element>())

    func insert(_ element: Element) { _ = elements.withLock { $0.insert(element) } }

    var all: Set<Element> { elements.withLock { $0 } }
}
