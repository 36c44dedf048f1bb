import Foundation

/// An article's body HTML. A fresh parse has it at once; an article taken from the build cache
/// makes it on first use, by parsing its source again, so a rebuild pays for the bodies of the
/// pages it renders and not for the rest.
final class ArticleBody: @unchecked Sendable, Hashable {
    private let lock = NSLock()
    private var value: String?
    private var make: (@Sendable () -> String)?

    init(html: String) {
        value = html
    }

    init(lazy make: @escaping @Sendable () -> String) {
        self.make = make
    }

    /// A body not yet told how to make itself (`provide`): what the build cache decodes.
    init() {}

    /// Gives a body made with `init()` the way to make its HTML; false when it has one already.
    /// Set in place, so a cached article need not be copied to get a body.
    func provide(_ make: @escaping @Sendable () -> String) -> Bool {
        lock.withLock {
            guard value == nil, self.make == nil else { return false }
            self.make = make
            return true
        }
    }

    var html: String {
        lock.withLock {
            if let value { return value }
            let made = make?() ?? ""
            value = made
            make = nil
            return made
        }
    }

    static func == (lhs: ArticleBody, rhs: ArticleBody) -> Bool {
        lhs === rhs || lhs.html == rhs.html
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(html)
    }
}
