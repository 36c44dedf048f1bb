import Foundation
import Testing

@testable import DigestKit

@Suite struct SlugTests {
    @Test func readableLatinSlugs() {
        #expect(Slug.make("China urges relevant countries to stop tarnishing China") == "china-urges-relevant-countries-to-stop-tarnishing-china")
        #expect(Slug.make("  Trade  Talks: U.S. & China!  ") == "trade-talks-u-s-china")
        #expect(Slug.make("Café crème") == "café-crème")
    }

    @Test func nonLatinScriptsKeepTheirLetters() {
        #expect(Slug.make("网络安全") == "网络安全")
        #expect(Slug.make("الأمن السيبراني") == "الأمن-السيبراني")
        #expect(Slug.make("王毅 Wang Yi") == "王毅-wang-yi")
    }

    @Test func emojiBecomeTheirNames() {
        #expect(Slug.make("🚀") == "rocket")
        #expect(Slug.make("Launch 🚀 day") == "launch-rocket-day")
        #expect(!Slug.make("👩‍💻").isEmpty)
    }

    @Test(arguments: ["../../etc/passwd", "a/b\\c", "..", ".hidden", "x\u{0}y\u{7}z", "\u{202E}evil\u{200D}", "a..b"])
    func slugsCannotClimbOrHideOrControl(_ text: String) {
        let slug = Slug.make(text)
        #expect(!slug.contains("/"))
        #expect(!slug.contains("\\"))
        #expect(!slug.contains("."))
        #expect(!slug.unicodeScalars.contains { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format })
    }

    /// The byte-by-byte ASCII paths must give what the Unicode paths give, for every ASCII
    /// character, runs of them, and long texts that get cut.
    @Test func asciiFastPathsAgreeWithTheUnicodePaths() {
        let characters = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        var texts = characters + characters.map { "a\($0)b" } + characters.map { "  X\($0)\($0)y  " }
        texts += ["\r\n", "a\r\nb", "", " ", "Trade  Talks: U.S. & China!", String(repeating: "Word-", count: 40) + "end"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let length = Int.random(in: 0...120, using: &generator)
            texts.append(String((0..<length).map { _ in Character(UnicodeScalar(UInt8.random(in: 0..<128, using: &generator))) }))
        }
        for text in texts {
            #expect(Slug.makeASCII(text) == Slug.makeUnicode(text), "slug of \(text.debugDescription)")
            #expect(TermKey.normalizeASCII(text) == TermKey.normalizeUnicode(text), "key of \(text.debugDescription)")
        }
    }

    @Test func longTitlesAreCut() {
        let slug = Slug.make(String(repeating: "word ", count: 60))
        #expect(slug.count <= Slug.maxLength)
        #expect(!slug.hasSuffix("-"))
    }

    @Test func allocatorNeverHandsOutTheSameSlugTwice() {
        var allocator = SlugAllocator(fallback: "tag")
        #expect(allocator.claim("C++") == "c")
        #expect(allocator.claim("C") == "c-2")
        #expect(allocator.claim("!!!") == "tag")
        #expect(allocator.claim("???") == "tag-2")
    }

    @Test func termKeysIgnoreCaseAndSpacing() {
        #expect(TermKey.normalize("Cyber Security") == TermKey.normalize(" cyber  security"))
        #expect(TermKey.normalize("Trade  Talks") == "trade talks")
    }
}

@Suite struct WhitespaceTests {
    @Test func trimsWhatFoundationTrims() {
        for text in [
            "", " ", "a", " a ", "\u{200B}T\u{200B}", "\u{3000}网络\u{3000}", "\n\ta b\r\n", "\u{85}x\u{2029}", "é\u{301} ",
            "Ta \u{345}", " \u{301}a", "\u{200B}\u{301}", " \u{20DD} ", "a\u{3000}\u{308}",
        ] {
            #expect(text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text.debugDescription)")
        }
    }
}
