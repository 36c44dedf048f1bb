import Foundation

/// The byte-level pieces of the search index's scripts: JavaScript string literals and the
/// compact number lists that postings and facets are written as.
enum SearchScript {
    /// Appends `text` as a double-quoted JavaScript (and JSON) string literal. U+2028 and U+2029
    /// are escaped for older engines that end a line at them inside strings.
    static func appendQuoted(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendQuoted(utf8: $0, to: &out) }
    }

    /// As `appendQuoted(_:to:)`, for valid UTF-8.
    static func appendQuoted(utf8 bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Runs of bytes that need no escape are copied whole: bodies are mostly such runs.
        var runStart = 0
        var index = 0
        let count = bytes.count
        while index < count {
            if index + 8 <= count, !mayNeedEscape(UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)) {
                index += 8
                continue
            }
            let byte = bytes[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0xE2 else {
                index += 1
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            switch byte {
            case UInt8(ascii: "\""): out += [0x5C, 0x22]
            case UInt8(ascii: "\\"): out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            case 0..<0x20: out += Array("\\u00\(hexDigits[Int(byte >> 4)])\(hexDigits[Int(byte & 15)])".utf8)
            case 0xE2 where index + 2 < count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                out += Array((bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                index += 2
            default: out.append(byte)
            }
            index += 1
            runStart = index
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count]))
        out.append(UInt8(ascii: "\""))
    }

    /// Whether any of eight bytes is a control character, `"`, `\\` or 0xE2 (which starts
    /// U+2028 and U+2029): false lets the loop above pass the eight at once.
    @inline(__always) static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        let control = (word &- ones &* 0x20) & ~word & highs != 0
        return control || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C)) || hasZeroByte(word ^ (ones &* 0xE2))
    }

    static let hexDigits: [Character] = Array("0123456789abcdef")

    /// A number list's digits: five bits each, most significant first; a number's last digit is
    /// written with the first alphabet, the others with the second, so no separator is needed
    /// and no character needs escaping. The script's `decodeNumbers` reads them back.
    static let lastDigits = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef".utf8)
    static let leadingDigits = Array("ghijklmnopqrstuvwxyz0123456789-_".utf8)

    static func appendNumber(_ value: UInt32, to out: inout [UInt8]) {
        var shift = 0
        while shift < 30, value >> (shift + 5) != 0 { shift += 5 }
        while shift > 0 {
            out.append(leadingDigits[Int((value >> UInt32(shift)) & 31)])
            shift -= 5
        }
        out.append(lastDigits[Int(value & 31)])
    }

    /// Ascending document ids as their differences from the one before (the first from -1), so
    /// that a frequent term costs about one character a document.
    static func appendIDs(_ ids: [UInt32], flags: [UInt8]? = nil, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var previous: Int64 = -1
        for (position, id) in ids.enumerated() {
            let gap = UInt32(Int64(id) - previous)
            previous = Int64(id)
            appendNumber(flags.map { gap << 3 | UInt32($0[position]) } ?? gap, to: &out)
        }
        out.append(UInt8(ascii: "\""))
    }

    /// The arguments of a script `call(…);` this build's index writes, read back as JSON.
    static func arguments(_ script: Data, call: String) -> [Any]? {
        let prefix = Array((call + "(").utf8), suffix = Array(");\n".utf8)
        guard script.count > prefix.count + suffix.count, script.starts(with: prefix), script.suffix(suffix.count).elementsEqual(suffix) else {
            return nil
        }
        var json = Data("[".utf8)
        json += script.dropFirst(prefix.count).dropLast(suffix.count)
        json += Data("]".utf8)
        return (try? JSONSerialization.jsonObject(with: json)) as? [Any]
    }

    /// The numbers `appendNumber` wrote, in order; nil for a character it never writes.
    static func numbers(_ text: String) -> [UInt32]? {
        var numbers: [UInt32] = []
        var value: UInt32 = 0
        for byte in text.utf8 {
            if let digit = lastDigitValues[Int(byte)] {
                numbers.append(value &* 32 &+ digit)
                value = 0
            } else if let digit = leadingDigitValues[Int(byte)] {
                value = value &* 32 &+ digit
            } else {
                return nil
            }
        }
        return value == 0 ? numbers : nil
    }

    static let lastDigitValues = digitValues(lastDigits)
    static let leadingDigitValues = digitValues(leadingDigits)

    static func digitValues(_ alphabet: [UInt8]) -> [UInt32?] {
        var values = [UInt32?](repeating: nil, count: 256)
        for (value, byte) in alphabet.enumerated() { values[Int(byte)] = UInt32(value) }
        return values
    }
}
