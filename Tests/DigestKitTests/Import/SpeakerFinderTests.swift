import Testing

@testable import DigestKit

@Suite struct SpeakerFinderTests {
    @Test func everyPatternCompiles() {
        #expect(SpeakerFinder.compiledPatterns().count == SpeakerFinder.patterns.count)
    }

    @Test(arguments: [
        ("\"This is nothing but one of those series of actions,\" said Foreign Ministry spokesperson Hua Chunying at a daily news briefing.", "Hua Chunying"),
        ("Hua Chunying, spokesperson of the Foreign Ministry, said on Tuesday that China opposes it.", "Hua Chunying"),
        ("\"We firmly oppose it,\" said Geng Shuang, a spokesperson for the ministry.", "Geng Shuang"),
        ("\"We firmly oppose it,\" said Geng Shuang, a spokesperson.", "Geng Shuang"),
        ("Foreign Ministry spokesperson Lu Kang said China would respond.", "Lu Kang"),
        ("The deal is fair, said Chinese Ambassador Cui Tiankai in Washington.", "Cui Tiankai"),
        ("The talks went well, said spokesperson Hua Chunying Tuesday.", "Hua Chunying"),
        ("Vice Foreign Minister Le Yucheng told reporters the visit would go ahead.", "Le Yucheng"),
        ("\"It is groundless,\" Zhao Lijian, a ministry spokesman, said.", "Zhao Lijian"),
    ])
    func findsTheQuotedPerson(sentence: String, speaker: String) {
        #expect(SpeakerFinder.speakers(in: [sentence]) == [speaker])
    }

    @Test(arguments: [
        "China Tuesday urged relevant countries to stop using the excuse of so-called cyber spying.",
        "The official said the talks went well.",
        "Officials said Hong Kong Disneyland would reopen on Monday.",
        "Foreign Minister Wang Yi met Secretary of State Mike Pompeo in Washington.",
        "The plan was welcomed, said New Zealand, an official partner of the project.",
        "The report was false, said the official Xinhua News Agency.",
        "Xinhua News Agency, an official outlet, said the report was false.",
        "In Beijing, the ministry official, said nothing.",
        "\"You must investigate,\" Hua said.",
        "Reports alleged that hackers working for China's state security department breached the network.",
        "The minister said Beijing Capital Airport would stay open.",
    ])
    func ordinarySentencesGiveNoSpeaker(sentence: String) {
        #expect(SpeakerFinder.speakers(in: [sentence]) == [])
    }

    @Test func speakersAreListedOnceInOrderOfFirstMention() {
        let paragraphs = [
            "said Foreign Ministry spokesperson Hua Chunying on Monday.",
            "Foreign Ministry spokesperson Geng Shuang said the same.",
            "\"No,\" said spokesperson Hua  Chunying again.",
            "Hua Chunying, spokesperson of the ministry, said later.",
        ]
        #expect(SpeakerFinder.speakers(in: paragraphs) == ["Hua Chunying", "Geng Shuang"])
    }
}
