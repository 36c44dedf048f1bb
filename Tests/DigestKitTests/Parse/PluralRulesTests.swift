import Testing

@testable import DigestKit

/// Each language's categories checked against the integer examples CLDR publishes with its
/// rules (plurals.xml, `@integer` samples).
@Suite struct PluralRulesTests {
    func categories(_ language: String, _ counts: [Int]) -> [PluralCategory] {
        let rules = PluralRules(language: language)
        return counts.map(rules.category)
    }

    @Test func englishHasOneForExactlyOne() {
        #expect(categories("en", [1]) == [.one])
        #expect(categories("en", [0, 2, 3, 11, 21, 100, 1000]).allSatisfy { $0 == .other })
        #expect(PluralRules(language: "en-GB").categories == [.one, .other])
    }

    @Test func chineseJapaneseAndKoreanHaveOneForm() {
        for language in ["zh", "zh-Hans", "zh_TW", "ja", "ko"] {
            #expect(categories(language, [0, 1, 2, 5, 100]).allSatisfy { $0 == .other }, "\(language)")
            #expect(PluralRules(language: language).categories == [.other])
        }
    }

    @Test func russianAndUkrainianHaveOneFewMany() {
        for language in ["ru", "uk"] {
            #expect(categories(language, [1, 21, 31, 41, 51, 61, 71, 81, 101, 1001]).allSatisfy { $0 == .one })
            #expect(categories(language, [2, 3, 4, 22, 23, 24, 32, 33, 34, 102, 1002]).allSatisfy { $0 == .few })
            #expect(
                categories(language, [0, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 100, 1000])
                    .allSatisfy { $0 == .many })
        }
    }

    @Test func arabicHasAllSixCategories() {
        #expect(categories("ar", [0]) == [.zero])
        #expect(categories("ar", [1]) == [.one])
        #expect(categories("ar", [2]) == [.two])
        #expect(categories("ar", [3, 4, 5, 6, 7, 8, 9, 10, 103, 104, 110, 1003]).allSatisfy { $0 == .few })
        #expect(categories("ar", [11, 12, 13, 26, 99, 111, 1011]).allSatisfy { $0 == .many })
        #expect(categories("ar", [100, 101, 102, 200, 201, 202, 300, 1000, 10000]).allSatisfy { $0 == .other })
        #expect(PluralRules(language: "ar").categories == [.zero, .one, .two, .few, .many, .other])
    }

    @Test func frenchCountsZeroAsOneAndMillionsAsMany() {
        #expect(categories("fr", [0, 1]) == [.one, .one])
        #expect(categories("fr", [1_000_000, 2_000_000]) == [.many, .many])
        #expect(categories("fr", [2, 17, 100, 1000, 10000]).allSatisfy { $0 == .other })
    }

    @Test func polishHebrewAndPersian() {
        #expect(categories("pl", [1, 2, 3, 4, 22, 5, 12, 13, 14, 21, 0]) == [.one, .few, .few, .few, .few, .many, .many, .many, .many, .many, .many])
        #expect(categories("he", [1, 2, 3, 20]) == [.one, .two, .other, .other])
        #expect(categories("fa", [0, 1, 2]) == [.one, .one, .other])
    }

    @Test func unknownLanguagesUseOtherAlone() {
        #expect(categories("xx", [0, 1, 2]) == [.other, .other, .other])
    }
}
