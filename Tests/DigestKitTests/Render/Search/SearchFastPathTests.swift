import Testing

@testable import DigestKit

/// The search index's byte-level fast paths against plain statements of the rules they keep,
/// on generated text that puts every special case at every offset of an eight-byte load.
@Suite struct SearchFastPathTests {
    static let pieces = [
        "word", "Talks", "a", "Zürich", "中国", "墨子号", " ", "  ", "\n", "\t", "\r\n", " \n ", "<p>", "</p>", "<em>", "</EM>",
        "<a href=\"x y\">", "</a>", "<br/>", "<td>", "<SCRIPT>var x = 1 < 2;</script>", "<style>p{}</STYLE >", "&amp;", "&nbsp;",
        "&#x4E2D;", "&#39;", "& ", "&bogus", "&;", "\"", "\\", "\u{1}", "\u{2028}", "é", "abcdefgh", "x", "-", ".", "İ", "ß",
        "2019", "5G", "ABCDEFGHIJ", "@", "[", "`", "{", "_", "/", ":", "Z9z0",
    ]

    static func randomText(_ random: inout SeededRandom) -> String {
        (0..<Int.random(in: 0...40, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
    }

    @Test func plainTextAgreesWithTheRulesByteForByte() {
        var random = SeededRandom(seed: 1)
        for _ in 0..<3_000 {
            let html = Self.randomText(&random)
            #expect(SearchPlainText.bytes(html: html) == Self.plainText(html), "\(html.debugDescription)")
        }
    }

    @Test func quotingAgreesWithTheRulesByteForByte() {
        var random = SeededRandom(seed: 2)
        for _ in 0..<3_000 {
            let text = Self.randomText(&random)
            var out: [UInt8] = []
            SearchScript.appendQuoted(text, to: &out)
            #expect(out == Self.quoted(text), "\(text.debugDescription)")
        }
    }

    @Test func tokenizerAgreesWithTheRulesOnGeneratedText() {
        var random = SeededRandom(seed: 3)
        for _ in 0..<3_000 {
            let text = Self.randomText(&random)
            #expect(SearchTokenizer.terms(in: text) == Self.terms(text), "\(text.debugDescription)")
        }
    }

    /// Every byte value in every lane of an eight-byte load, among letters.
    @Test func asciiWordPrefixStopsAtTheFirstByteThatIsNotALetterOrDigit() {
        for byte in UInt8(0)...0xFF {
            let isWord = SearchTokenizer.lowercasedWordBytes[Int(byte)] != 0
            for lane in 0..<8 {
                var bytes = Array("aZ09qQzA".utf8)
                bytes[lane] = byte
                let chunk = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                #expect(SearchTokenizer.asciiWordPrefix(chunk) == (isWord ? 8 : lane), "byte \(byte) in lane \(lane)")
            }
        }
    }

    @Test func wordScalarRangesAgreeWithTheCategories() {
        for value in UInt32(0x80)...0x7FF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(SearchTokenizer.isWordScalar(scalar) == SearchTokenizer.isWordCategory(scalar), "U+\(String(value, radix: 16))")
        }
        for byte in UInt8(0)...0x7F {
            let expected = SearchTokenizer.isWordCategory(Unicode.Scalar(byte)) ? Character(Unicode.Scalar(byte)).lowercased().utf8.first! : 0
            #expect(SearchTokenizer.lowercasedWordBytes[Int(byte)] == expected)
        }
        #expect(SearchTokenizer.lowercasedWordBytes[0x80...].allSatisfy { $0 == 0 })
    }

    // MARK: The rules, stated plainly

    static let inlineTags: Set<String> = [
        "a", "/a", "em", "/em", "strong", "/strong", "code", "/code", "b", "/b", "i", "/i", "span", "/span", "sup", "/sup",
        "sub", "/sub", "del", "/del", "mark", "/mark", "small", "/small", "abbr", "/abbr", "q", "/q", "u", "/u",
    ]

    static func tagName(_ bytes: [UInt8], _ start: Int) -> String {
        var name = ""
        for byte in bytes[min(start, bytes.count)...] {
            let character = Character(Unicode.Scalar(byte))
            guard name.count < 12, byte < 0x80, character == "/" && name.isEmpty || character.isLetter || character.isNumber else { break }
            name += character.lowercased()
        }
        return name
    }

    static func plainText(_ html: String) -> [UInt8] {
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        var pendingSpace = false
        func put(_ units: some Sequence<UInt8>) {
            if pendingSpace { out.append(0x20) }
            pendingSpace = false
            out += units
        }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") {
                let name = tagName(bytes, index + 1)
                index = (bytes[(index + 1)...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count) + 1
                if name == "script" || name == "style" {
                    var end = index
                    while end < bytes.count, !(bytes[end] == UInt8(ascii: "<") && tagName(bytes, end + 1) == "/" + name) { end += 1 }
                    index = end < bytes.count ? (bytes[end...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count) + 1 : bytes.count
                }
                if !inlineTags.contains(name) { pendingSpace = !out.isEmpty }
            } else if byte == UInt8(ascii: "&"), let (scalar, length) = bytes.withUnsafeBufferPointer({ SearchPlainText.reference($0, at: index) }) {
                if scalar == " " { pendingSpace = !out.isEmpty } else { put(String(scalar).utf8) }
                index += length
            } else if [0x20, 0x0A, 0x09, 0x0D, UInt8(ascii: "&")].contains(byte) {
                pendingSpace = !out.isEmpty
                index += 1
            } else {
                put([byte])
                index += 1
            }
        }
        return out
    }

    static func quoted(_ text: String) -> [UInt8] {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            case _ where scalar.value < 0x20: out += "\\u00" + (scalar.value < 16 ? "0" : "") + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return Array((out + "\"").utf8)
    }

    static func terms(_ text: String) -> [String] {
        var terms: [String] = []
        var word = ""
        var run: [Unicode.Scalar] = []
        func endWord() {
            let folded = SearchTokenizer.fold(word)
            if !folded.isEmpty { terms.append(folded) }
            word = ""
        }
        func endRun() {
            if let last = run.last { terms.append(String(last)) }
            run = []
        }
        for scalar in text.unicodeScalars {
            if SearchTokenizer.isUnspaced(scalar.value) {
                if !word.isEmpty { endWord() }
                if let previous = run.last { terms.append(String(previous) + String(scalar)) }
                run.append(scalar)
            } else if SearchTokenizer.isWordCategory(scalar) {
                endRun()
                word.unicodeScalars.append(scalar)
            } else {
                if !word.isEmpty { endWord() }
                endRun()
            }
        }
        if !word.isEmpty { endWord() }
        endRun()
        return terms
    }
}
