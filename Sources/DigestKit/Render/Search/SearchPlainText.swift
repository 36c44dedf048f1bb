import Foundation

/// The readable text of an article body's HTML, for the search index and its snippets: tags
/// dropped (attribute values are never text), `<script>` and `<style>` content skipped,
/// character references decoded, and runs of white space made one space. Block tags become a
/// space so that words of neighbouring paragraphs or cells never run together; inline tags
/// vanish, so `un<em>usual</em>` stays one word.
enum SearchPlainText {
    static func of(html: String) -> String {
        var html = html
        return html.withUTF8 { bytes -> String in
            let count = bytes.count
            return String(unsafeUninitializedCapacity: max(count, 1)) { out -> Int in
                var length = 0
                var pendingSpace = false
                func space() { pendingSpace = length > 0 }
                var index = 0
                while index < count {
                    let byte = bytes[index]
                    switch byte {
                    case UInt8(ascii: "<"):
                        let name = tagName(bytes, from: index + 1)
                        var end = index + 1
                        while end < count, bytes[end] != UInt8(ascii: ">") { end += 1 }
                        index = end + 1
                        if name == "script" || name == "style" { index = skipPast(closing: name, in: bytes, from: index) }
                        if !inlineTags.contains(name) { space() }
                    case UInt8(ascii: "&"):
                        guard let (decoded, referenceLength) = reference(bytes, at: index) else { fallthrough }
                        // A reference is never longer than what it decodes to, so `out` has room.
                        if decoded == " " {
                            space()
                        } else {
                            if pendingSpace {
                                out[length] = 0x20
                                length += 1
                                pendingSpace = false
                            }
                            for unit in String(decoded).utf8 {
                                out[length] = unit
                                length += 1
                            }
                        }
                        index += referenceLength
                    case 0x20, 0x0A, 0x09, 0x0D:
                        space()
                        index += 1
                    default:
                        if pendingSpace {
                            out[length] = 0x20
                            length += 1
                            pendingSpace = false
                        }
                        out[length] = byte
                        length += 1
                        index += 1
                    }
                }
                return length
            }
        }
    }

    /// Tags that do not separate words.
    static let inlineTags: Set<String> = [
        "a", "/a", "em", "/em", "strong", "/strong", "code", "/code", "b", "/b",
        "i", "/i", "span", "/span", "sup", "/sup", "sub", "/sub", "del", "/del",
        "mark", "/mark", "small", "/small", "abbr", "/abbr", "q", "/q", "u", "/u",
    ]

    /// The lowercased name of the tag whose name starts at `start` (with a leading `/` for an end tag).
    static func tagName(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> String {
        var name: [UInt8] = []
        var index = start
        while index < bytes.count, name.count < 12 {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "/") && name.isEmpty || SearchTokenizer.isASCIIAlphanumeric(byte) else { break }
            name.append(byte | (SearchTokenizer.isASCIIUpper(byte) ? 0x20 : 0))
            index += 1
        }
        return String(decoding: name, as: UTF8.self)
    }

    /// The index just past `</name…>` (case-insensitive), or the end.
    static func skipPast(closing name: String, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), tagName(bytes, from: index + 1) == "/" + name {
                while index < bytes.count, bytes[index] != UInt8(ascii: ">") { index += 1 }
                return index + 1
            }
            index += 1
        }
        return bytes.count
    }

    static let named: [String: Unicode.Scalar] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " "]

    /// The character a reference at `index` (`&amp;`, `&#39;`, `&#x4E2D;`) stands for, and its length.
    static func reference(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int)? {
        var end = index + 1
        while end < bytes.count, end - index < 12, bytes[end] != UInt8(ascii: ";") { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: ";"), end > index + 1 else { return nil }
        let body = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
        let length = end - index + 1
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value = digits.hasPrefix("x") || digits.hasPrefix("X") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init).map { ($0, length) }
        }
        return named[body].map { ($0, length) }
    }
}
