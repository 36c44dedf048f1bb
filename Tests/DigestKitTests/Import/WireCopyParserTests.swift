import Foundation
import Testing

@testable import DigestKit

/// The raw shape from /work/shared/examples/README.md, as scraped.
let wireFixture = repositoryRoot.appendingPathComponent("Tests/Fixtures/Import/xinhua-cybersecurity.txt")

/// Share buttons and a Related Stories list stand between the body and `Posted in:`.
let furnitureFirstFixture = repositoryRoot.appendingPathComponent("Tests/Fixtures/Import/xinhua-furniture-first.txt")

func wireFixtureText() throws -> String {
    try String(contentsOf: wireFixture, encoding: .utf8)
}

@Suite struct WireCopyParserTests {
    @Test func seedShapeGivesEveryField() throws {
        let copy = WireCopyParser.parse(try wireFixtureText())
        #expect(copy.title == "China urges relevant countries to stop tarnishing China on cybersecurity")
        #expect(copy.source == "Xinhua")
        #expect(copy.published == "2019/2/13 9:15:25")
        #expect(copy.section == "DIPLOMACY")
        #expect(copy.paragraphs.count == 5)
        #expect(copy.paragraphs.first?.hasPrefix("China Tuesday urged relevant countries") == true)
        #expect(
            copy.paragraphs.last
                == "China is a staunch defender of cybersecurity and has always firmly opposed and cracked down on all forms of cyber attacks, she said.")
        #expect(!copy.paragraphs.contains { $0.contains("Disqus") || $0.hasPrefix("Posted in") })
    }

    @Test func crlfAndByteOrderMarkParseLikeLF() throws {
        let text = try wireFixtureText()
        let windows = Data("\u{FEFF}".utf8) + Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let decoded = try #require(SourceText.decode(windows))
        #expect(WireCopyParser.parse(decoded) == WireCopyParser.parse(text))
    }

    @Test(arguments: [
        "Source:Xinhua Published: 2019/2/13 9:15:25",
        "Source: Xinhua | Published: 2019/2/13 9:15:25",
        "Source: Xinhua  Published: 2019/2/13 9:15:25",
        "source: Xinhua   |   published:2019/2/13 9:15:25  ",
        "Source: Xinhua\nPublished: 2019/2/13 9:15:25",
        "Source：Xinhua Published：2019/2/13 9:15:25",
    ])
    func creditLineVariants(credit: String) {
        let copy = WireCopyParser.parse("Headline\n\n\(credit)\n\nFirst paragraph.\nPosted in: CHINA\n")
        #expect(copy.title == "Headline")
        #expect(copy.source == "Xinhua")
        #expect(copy.published == "2019/2/13 9:15:25")
        #expect(copy.paragraphs == ["First paragraph."])
    }

    @Test func creditWithOnlyOnePartLeavesTheOtherNil() {
        let dateOnly = WireCopyParser.parse("Headline\nPublished: 2019/2/13 9:15:25\nText.\n")
        #expect(dateOnly.source == nil)
        #expect(dateOnly.published == "2019/2/13 9:15:25")
        let sourceOnly = WireCopyParser.parse("Headline\nSource: Xinhua\nText.\n")
        #expect(sourceOnly.source == "Xinhua")
        #expect(sourceOnly.published == nil)
        #expect(sourceOnly.paragraphs == ["Text."])
        let emptySource = WireCopyParser.parse("Headline\nSource: | Published: 2019/2/13 9:15:25\nText.\n")
        #expect(emptySource.source == nil)
        #expect(emptySource.published == "2019/2/13 9:15:25")
    }

    @Test func noCreditLineKeepsTheFirstParagraph() {
        let copy = WireCopyParser.parse("Headline\n\nSources say talks resume.\nSecond.\n")
        #expect(copy.title == "Headline")
        #expect(copy.source == nil && copy.published == nil && copy.section == nil)
        #expect(copy.paragraphs == ["Sources say talks resume.", "Second."])
    }

    @Test func creditOnFirstLineMeansNoTitle() {
        let copy = WireCopyParser.parse("Source:Xinhua Published: 2019/2/13 9:15:25\nText.\n")
        #expect(copy.title == nil)
        #expect(copy.source == "Xinhua")
        #expect(copy.paragraphs == ["Text."])
    }

    @Test func furnitureAndRelatedListsAreDropped() {
        let text = """
            Headline
            Source: Xinhua Published: 2019/2/13 9:15:25

            One.
            Share this:
            Facebook
            Twitter

            Two.
            Related news:
            Another story's headline
            A third story
            Posted in: WORLD
            """
        let copy = WireCopyParser.parse(text)
        #expect(copy.paragraphs == ["One.", "Two."])
        // The page's own Posted in still counts when it stands below the Related list.
        #expect(copy.section == "WORLD")
    }

    /// The layout of scraped pages that put share buttons and a story list above `Posted in:`.
    @Test func postedInBelowShareButtonsAndRelatedStoriesGivesTheSection() throws {
        let copy = WireCopyParser.parse(try String(contentsOf: furnitureFirstFixture, encoding: .utf8))
        #expect(copy.section == "DIPLOMACY")
        #expect(copy.published == "2019/2/14 10:30:00")
        #expect(copy.paragraphs.count == 2)
        #expect(copy.paragraphs.last?.hasSuffix("said Foreign Ministry spokesperson Geng Shuang.") == true)
        for furniture in ["Share this", "Facebook", "Twitter", "Related", "tarnishing", "trade talks", "Disqus"] {
            #expect(!copy.paragraphs.contains { $0.contains(furniture) }, "\(furniture)")
        }
    }

    @Test func onlyTheFirstPostedInAfterTheStoryListCounts() {
        let copy = WireCopyParser.parse("Headline\n\nOne.\nRelated news\nOther story\nPosted in:\nPosted in: WORLD\n")
        #expect(copy.section == nil)
        #expect(copy.paragraphs == ["One."])
    }

    @Test func everythingAfterPostedInIsFurniture() {
        let copy = WireCopyParser.parse(
            "Headline\n\nOne.\n\n\n   Two.   \nPosted in:   CHINA  \n\nblog comments powered by Disqus\nMost viewed\nOther headline\n")
        #expect(copy.paragraphs == ["One.", "Two."])
        #expect(copy.section == "CHINA")
    }

    @Test func emptyPostedInGivesNoSection() {
        let copy = WireCopyParser.parse("Headline\n\nOne.\nPosted in:\n")
        #expect(copy.section == nil)
        #expect(copy.paragraphs == ["One."])
    }
}
