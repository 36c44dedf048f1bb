import Foundation
import Testing
@testable import DigestKit

/// `Article` keeps its fields behind a shared reference; it must still behave as a value.
@Suite struct ArticleValueTests {
    func article() -> Article {
        Article(sourcePath: "Content/a.md", title: "Talks", date: ArticleDate(instant: 1_550_000_000, in: shanghai()),
                section: "DIPLOMACY", tags: ["Trade"], bodyHTML: "<p>x</p>")
    }

    @Test func changingACopyLeavesTheOriginalAlone() {
        let original = article()
        var copy = original
        #expect(copy == original)
        copy.title = "Other talks"
        copy.tags.append("Energy")
        copy.sourceSize = 12
        #expect(original.title == "Talks")
        #expect(original.tags == ["Trade"])
        #expect(original.sourceSize == 0)
        #expect(copy.title == "Other talks" && copy.tags == ["Trade", "Energy"] && copy.sourceSize == 12)
        #expect(copy != original)
    }

    @Test func equalFieldsMakeEqualArticles() {
        var first = article()
        var second = article()
        #expect(first == second)
        #expect(Set([first, second]).count == 1)
        second.summary = "A summary"
        #expect(first != second)
        first.summary = "A summary"
        #expect(first == second && first.hashValue == second.hashValue)
    }

    /// A body decoded from the build cache takes one way to make itself, set in place; a body
    /// that has one, or its HTML, keeps it.
    @Test func aPendingBodyTakesOneMaker() {
        let pending = ArticleBody()
        #expect(pending.provide { ("<p>made</p>", [Markdown.Reference(destination: "a.png", line: 2, isImage: true)]) })
        #expect(!pending.provide { ("<p>other</p>", []) })
        #expect(pending.html == "<p>made</p>")
        #expect(pending.links.map(\.destination) == ["a.png"])
        #expect(!pending.provide { ("<p>late</p>", []) })
        #expect(!ArticleBody(html: "<p>parsed</p>").provide { ("<p>other</p>", []) })
        #expect(!ArticleBody(lazy: { ("<p>lazy</p>", []) }).provide { ("<p>other</p>", []) })
        #expect(ArticleBody().html == "")
    }
}
