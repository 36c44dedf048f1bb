import Foundation

/// Splits text into the terms the search index stores and the search page looks up; the page's
/// script (`assets/search.js`) splits a query by the same rules, so the two must change together.
///
/// - Words: runs of Unicode letters, marks and digits, case-folded and stripped of diacritics
///   (`Zürich` → `zurich`), as NFD, drop marks, lowercase: what JavaScript's
///   `normalize("NFD").replace(/\p{M}/gu, "").toLowerCase()` does.
/// - Scripts written without spaces between words (Han, kana, Hangul, Thai, Lao, Khmer, Myanmar
///   and the Tai scripts): overlapping character bigrams, plus the last character of each run
///   alone, so that every character starts some term and a one-character query can find it by
///   prefix. Splitting these into words needs a dictionary per language, which the search page
///   would have to load and apply to queries the same way; bigrams find any run of two or more
///   characters, whatever the article's declared language.
///
/// Works on UTF-8 bytes with an ASCII fast path: the index reads every body of the site.
enum SearchTokenizer {
    /// Calls `term` with the UTF-8 bytes of each term of `text` in order (repeats included);
    /// the bytes are valid only during the call.
    static func forEachTerm(in text: String, _ term: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            withoutActuallyEscaping(term) { term in
                var sink = ClosureSink(body: term)
                forEachTerm(inUTF8: bytes, into: &sink)
            }
        }
    }

    /// Gives `sink` each term of `text` in order.
    static func forEachTerm(in text: String, into sink: inout some SearchTermSink) {
        var text = text
        text.withUTF8 { forEachTerm(inUTF8: $0, into: &sink) }
    }

    private struct ClosureSink: SearchTermSink {
        let body: (UnsafeBufferPointer<UInt8>) -> Void
        func add(_ term: UnsafeBufferPointer<UInt8>) { body(term) }
    }

    /// As `forEachTerm(in:into:)`, for valid UTF-8 (a plain text made as bytes, never a
    /// `String`). Generic over the sink rather than taking a closure, so that adding a term
    /// is compiled into this loop.
    ///
    /// The state lives in locals of this one loop, not in nested functions: variables those
    /// capture are checked for exclusive access at run time, on every term.
    static func forEachTerm(inUTF8 bytes: UnsafeBufferPointer<UInt8>, into sink: inout some SearchTermSink) {
        lowercasedWordBytes.withUnsafeBufferPointer { lowercased in
            scan(bytes, lowercased: lowercased, into: &sink)
        }
    }

    /// Each byte lowercased if it is an ASCII letter or digit, else 0 (and 0 for non-ASCII).
    static let lowercasedWordBytes: [UInt8] = (0..<256).map { value in
        let byte = UInt8(value)
        return byte < 0x80 && isASCIIAlphanumeric(byte) ? byte | (isASCIIUpper(byte) ? 0x20 : 0) : 0
    }

    @inline(__always) private static func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, lowercased: UnsafeBufferPointer<UInt8>, into sink: inout some SearchTermSink
    ) {
        // A word is copied here, lowercased; a raw buffer, as an array's uniqueness checks
        // and reference counting were most of the tokenizer's time.
        // Eight bytes of room past the longest word: the fast path stores eight at a time.
        let word = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count + 8)
        defer { word.deallocate() }
        var wordLength = 0
        var wordIsASCII = true
        // The byte range of the unspaced-script character before this one, in a run.
        var previousStart = -1
        var previousEnd = 0

        var index = 0
        let count = bytes.count
        scanning: while index < count {
            let byte = bytes[index]
            var letter = lowercased[Int(byte)]
            if letter != 0 {
                if previousStart >= 0 {
                    sink.add(UnsafeBufferPointer(rebasing: bytes[previousStart..<previousEnd]))
                    previousStart = -1
                }
                // The rest of the ASCII run, eight bytes at a time where eight remain: where
                // a word ends is then counted, not branched on byte by byte.
                while index + 8 <= count {
                    let chunk = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
                    let run = asciiWordPrefix(chunk)
                    let lowered = chunk | 0x2020_2020_2020_2020
                    // Most words: one that starts in this chunk and ends at an ASCII separator
                    // within it is whole, and its key is read off the chunk (the separator,
                    // which starts nothing, is passed over with it).
                    if wordLength == 0, run < 8, bytes[index + run] < 0x80 {
                        (UnsafeMutableRawPointer(word)).storeBytes(of: lowered, as: UInt64.self)
                        let head = lowered & (UInt64.max >> UInt64(64 - 8 * run))
                        sink.add(UnsafeBufferPointer(start: word, count: run), key: SearchTermList.key(head: head, count: run))
                        index += run + 1
                        continue scanning
                    }
                    (UnsafeMutableRawPointer(word + wordLength)).storeBytes(of: lowered, as: UInt64.self)
                    wordLength += run
                    index += run
                    if run < 8 { break }
                }
                if index + 8 > count {
                    letter = index < count ? lowercased[Int(bytes[index])] : 0
                    while letter != 0 {
                        word[wordLength] = letter
                        wordLength += 1
                        index += 1
                        letter = index < count ? lowercased[Int(bytes[index])] : 0
                    }
                }
                continue
            }
            var length = 1
            var kind = Kind.separator
            if byte >= 0x80 {
                let scalar: Unicode.Scalar
                (scalar, length) = decode(bytes, at: index)
                kind = isUnspaced(scalar.value) ? .unspaced : isWordScalar(scalar) ? .word : .separator
            }
            if kind != .word, wordLength > 0 {
                emitWord(word, wordLength, isASCII: wordIsASCII, into: &sink)
                wordLength = 0
                wordIsASCII = true
            }
            switch kind {
            case .unspaced:
                // The two characters of a bigram stand side by side in the text.
                if previousStart >= 0 { sink.add(UnsafeBufferPointer(rebasing: bytes[previousStart..<index + length])) }
                (previousStart, previousEnd) = (index, index + length)
            case .word, .separator:
                if previousStart >= 0 {
                    sink.add(UnsafeBufferPointer(rebasing: bytes[previousStart..<previousEnd]))
                    previousStart = -1
                }
                if kind == .word {
                    for offset in 0..<length { word[wordLength + offset] = bytes[index + offset] }
                    wordLength += length
                    wordIsASCII = false
                }
            }
            index += length
        }
        if wordLength > 0 { emitWord(word, wordLength, isASCII: wordIsASCII, into: &sink) }
        if previousStart >= 0 { sink.add(UnsafeBufferPointer(rebasing: bytes[previousStart..<previousEnd])) }
    }

    private enum Kind { case unspaced, word, separator }

    @inline(__always) private static func emitWord(
        _ word: UnsafeMutablePointer<UInt8>, _ length: Int, isASCII: Bool, into sink: inout some SearchTermSink
    ) {
        if isASCII {
            sink.add(UnsafeBufferPointer(start: word, count: length))
        } else {
            emitFolded(UnsafeBufferPointer(start: word, count: length), into: &sink)
        }
    }

    @inline(never) private static func emitFolded(_ word: UnsafeBufferPointer<UInt8>, into sink: inout some SearchTermSink) {
        var folded = fold(String(decoding: word, as: UTF8.self))
        if !folded.isEmpty { folded.withUTF8 { sink.add($0) } }
    }

    /// Every term of `text`, in order.
    static func terms(in text: String) -> [String] {
        var terms: [String] = []
        forEachTerm(in: text) { terms.append(String(decoding: $0, as: UTF8.self)) }
        return terms
    }

    /// Case- and diacritic-folded: NFD, marks dropped, lowercased.
    static func fold(_ word: String) -> String {
        var stripped = String.UnicodeScalarView()
        for scalar in word.decomposedStringWithCanonicalMapping.unicodeScalars where !isMark(scalar) {
            stripped.append(scalar)
        }
        return String(stripped).lowercased()
    }

    /// Scripts written without spaces between words, by block: Hangul Jamo, Thai, Lao, Myanmar
    /// (and its extensions), Khmer (and its symbols), Tai Le, New Tai Lue, Tai Tham, then CJK
    /// (radicals, ideographic marks, Hiragana, Katakana, Hangul, Han with its extensions and
    /// compatibility forms, half-width Katakana). The script's `UNSPACED` lists the same
    /// (`SearchTokenizerTests` compares the two scalar by scalar).
    static func isUnspaced(_ value: UInt32) -> Bool {
        switch value {
        case 0x0E00...0x0EFF, 0x1000...0x109F, 0x1100...0x11FF, 0x1780...0x17FF, 0x1950...0x19FF,
            0x1A20...0x1AAF, 0x2E80...0x2FDF, 0x3005, 0x3007, 0x3021...0x3029, 0x3038...0x303B,
            0x3041...0x309F, 0x30A0...0x30FF, 0x3130...0x318F, 0x31F0...0x31FF, 0x3400...0x4DBF,
            0x4E00...0x9FFF, 0xA960...0xA97F, 0xA9E0...0xA9FF, 0xAA60...0xAA7F, 0xAC00...0xD7FF,
            0xF900...0xFAFF, 0xFF66...0xFF9F, 0x20000...0x3FFFF:
            true
        default:
            false
        }
    }

    /// Letters, marks and digits. Latin, combining marks and Cyrillic are answered by range,
    /// as looking up a scalar's category is slow; `SearchTokenizerTests` checks the ranges
    /// against the categories, scalar by scalar.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xD7, 0xF7, 0x482: return false
        case 0xC0...0x24F, 0x300...0x36F, 0x400...0x52F: return true
        default: break
        }
        return isWordCategory(scalar)
    }

    static func isWordCategory(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            true
        default:
            false
        }
    }

    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }

    /// How many of the eight bytes of `chunk` (in memory order) are ASCII letters or digits
    /// before the first that is not, 0 to 8. Each byte is tested in its own lane (SWAR): with
    /// the high bits cleared no lane carries into the next, and `x | 0x20` folds case, so a
    /// letter is a lane in 0x61...0x7A and a digit one in 0x30...0x39. Those are also the
    /// lanes that `| 0x20` lowercases correctly (digits already have the bit).
    @inline(__always) static func asciiWordPrefix(_ chunk: UInt64) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let low = chunk & ~highs
        let folded = low | 0x2020_2020_2020_2020
        // A lane's high bit is set once the lane reaches the bound added to it.
        let letters = (folded &+ ones &* 0x1F) & ~(folded &+ ones &* 0x05)
        let digits = (low &+ ones &* 0x50) & ~(low &+ ones &* 0x46)
        let word = (letters | digits) & highs & ~(chunk & highs)
        let stops = ~word & highs
        return stops == 0 ? 8 : stops.trailingZeroBitCount >> 3
    }

    @inline(__always) static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26
    }

    @inline(__always) static func isASCIIUpper(_ byte: UInt8) -> Bool {
        byte &- 0x41 < 26
    }

    /// The scalar starting at `index` of valid UTF-8 (a Swift string's), and its length in bytes.
    @inline(__always) static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[index])
        func next(_ offset: Int) -> UInt32 { UInt32(bytes[index + offset]) & 0x3F }
        let (value, length): (UInt32, Int) =
            switch lead {
            case 0xF0...: ((lead & 0x07) << 18 | next(1) << 12 | next(2) << 6 | next(3), 4)
            case 0xE0...: ((lead & 0x0F) << 12 | next(1) << 6 | next(2), 3)
            default: ((lead & 0x1F) << 6 | next(1), 2)
            }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}
