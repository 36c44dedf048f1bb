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
