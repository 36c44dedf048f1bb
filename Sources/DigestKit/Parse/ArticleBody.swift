import Foundation
import Synchronization

/// An article's body HTML. A fresh parse has it at once; an article taken from the build cache
/// makes it on first use, by parsing its source again, so a rebuild pays for the bodies of the
/// pages it renders and not for the rest.
final class ArticleBody: Sendable, Hashable {
    /// What a body is made of: its HTML, and the links and images in it (for `digest check`).
    typealias Made = (html: String, links: [Markdown.Reference])
    /// The body once made, or the way to make it. A `Mutex` is stored inline: a lock object of
    /// its own for each of ten thousand cached articles showed in the cache's decoding.
    private let state: Mutex<(value: Made?, make: (@Sendable () -> Made)?)>

    init(html: String) {
        state = Mutex(((html, []), nil))
    }

    init(lazy make: @escaping @Sendable () -> Made) {
        state = Mutex((nil, make))
    }

    /// A body not yet told how to make itself (`provide`): what the build cache decodes.
    init() {
        state = Mutex((nil, nil))
    }

    /// Gives a body made with `init()` the way to make itself; a body that has its HTML, or
    /// a way to make it, keeps that (and `make` is not even formed). Set in place, so a cached
    /// article need not be copied.
    func provide(_ make: @autoclosure () -> @Sendable () -> Made) {
        state.withLock { state in
            guard state.value == nil, state.make == nil else { return }
            state.make = make()
        }
    }

    var html: String { made.html }

    /// The links in a body made by its maker; none for a body given as HTML (the article
    /// holds those).
    var links: [Markdown.Reference] { made.links }

    private var made: Made {
        state.withLock { state in
            if let value = state.value { return value }
            let made = state.make?() ?? ("", [])
            state = (made, nil)
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
