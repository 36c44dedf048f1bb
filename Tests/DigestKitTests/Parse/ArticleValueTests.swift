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

    /// Every field either belongs to the body or is compared by `sameOutsideBody`: a field
    /// added to `Article` fails here until it is put on one side.
    @Test func everyFieldIsBodyOrComparedOutsideIt() throws {
        let fields = try #require(Mirror(reflecting: article()).children.first { $0.label == "fields" }?.value)
        let names = Set(Mirror(reflecting: fields).children.compactMap(\.label))
        let compared: Set<String> = ["sourcePath", "title", "date", "section", "tags", "speakers", "source", "summary",
                                     "isDraft", "requestedSlug", "requestedSlugLine", "assets", "quotes",
                                     "language", "translationKey"]
        #expect(names == compared.union(Article.bodyFields))
        #expect(compared.isDisjoint(with: Article.bodyFields))
    }

    @Test func aChangeOutsideTheBodyIsSeenAndOneInsideItIsNot() {
        var original = article()
        original.quotes = [AttributedQuote(text: "We urge calm.", speaker: "Wang Wenbin", line: 12)]
        var body = original
        body.bodyHTML = "<p>longer</p>"
        body.sourceSize = 99
        body.sourceHash = 7
        body.bodyLinks = [Markdown.Reference(destination: "a.png", line: 3, isImage: true)]
        body.quotes[0].line = 14
        #expect(original.sameOutsideBody(as: body))
        let changes: [(inout Article) -> Void] = [
            { $0.sourcePath = "Content/b.md" }, { $0.title = "Other" },
            { $0.date = ArticleDate(instant: 1_550_000_060, in: shanghai()) }, { $0.section = "ECONOMY" },
            { $0.tags = ["trade"] }, { $0.speakers = ["Geng Shuang"] }, { $0.source = "Xinhua" },
            { $0.summary = "In short" }, { $0.isDraft = true }, { $0.requestedSlug = "talks" },
            { $0.requestedSlugLine = 4 }, { $0.assets = ["Content/a.png"] }, { $0.quotes[0].text = "We urge restraint." },
            { $0.quotes[0].speaker = "Geng Shuang" }, { $0.quotes.append($0.quotes[0]) },
        ]
        for (number, change) in changes.enumerated() {
            var changed = original
            change(&changed)
            #expect(!original.sameOutsideBody(as: changed), "change \(number) went unseen")
        }
    }
}
