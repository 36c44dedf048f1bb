import Foundation

/// The readable text of an article body's HTML, for the search index and its snippets: tags
/// dropped (attribute values are never text), `<script>` and `<style>` content skipped,
/// character references decoded, and runs of white space made one space. Block tags become a
/// space so that words of neighbouring paragraphs or cells never run together; inline tags
/// vanish, so `un<em>usual</em>` stays one word.
enum SearchPlainText {
    static func of(html: String) -> String {
        String(decoding: bytes(html: html), as: UTF8.self)
    }

    /// The plain text as UTF-8 bytes (valid, as made from a string's): the index tokenizes and
    /// quotes it, and making a `String` of it would only check it again.
    static func bytes(html: String) -> [UInt8] {
        var html = html
        return html.withUTF8 { bytes -> [UInt8] in
            let count = bytes.count
            return [UInt8](unsafeUninitializedCapacity: max(count, 1)) { out, initialized in
                var length = 0
                var pendingSpace = false
                var index = 0
                while index < count {
                    let byte = bytes[index]
                    if !isSpecial(byte) {
                        if pendingSpace {
                            out[length] = 0x20
                            length += 1
                            pendingSpace = false
                        }
                        // The run of ordinary bytes, copied in loops of their own: most of a body.
                        let raw = UnsafeRawPointer(bytes.baseAddress!), outRaw = UnsafeMutableRawPointer(out.baseAddress!)
                        // (`out` has room: it never runs ahead of `bytes`.)
                        while index + 8 <= count {
                            let chunk = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                            // All eight are stored; as many as come before the first stop count.
                            let verbatim = verbatimCount(chunk)
                            outRaw.storeBytes(of: chunk, toByteOffset: length, as: UInt64.self)
                            length += verbatim
                            index += verbatim
                            if verbatim < 8 { break }
                        }
                        while index < count && !isSpecial(bytes[index]) {
                            out[length] = bytes[index]
                            length += 1
                            index += 1
                        }
                        continue
                    }
                    switch byte {
                    case UInt8(ascii: "<"):
                        let name = TagName(bytes, from: index + 1)
                        index = endOfTag(bytes, from: index + 1) + 1
                        if name == .script || name == .style { index = skipPast(closing: name, in: bytes, from: index) }
                        if !name.isInline { pendingSpace = length > 0 }
                    case UInt8(ascii: "&"):
                        // An `&` that starts no reference counts as white space.
                        guard let (decoded, referenceLength) = reference(bytes, at: index) else {
                            pendingSpace = length > 0
                            index += 1
                            continue
                        }
                        // A reference is never longer than what it decodes to, so `out` has room.
                        if decoded == " " {
                            pendingSpace = length > 0
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
                    default:
                        // White space.
                        pendingSpace = length > 0
                        index += 1
                    }
                }
                initialized = length
            }
        }
    }

    /// How many of eight bytes that follow an ordinary byte are copied as they are: those before
    /// the first `<`, `&`, control character below 0x0E (tab, line feed, carriage return and the
    /// like), or space not followed by an ordinary byte; a single space between ordinary bytes
    /// stays as it is. The first byte is the lowest (little-endian, as on every platform Digest
    /// builds for).
    @inline(__always) static func verbatimCount(_ chunk: UInt64) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let low = ones &* 0x7F, high = ones &* 0x80
        // The high bit of each zero byte, exactly (no borrows between bytes).
        func zeroBytes(_ value: UInt64) -> UInt64 { ~(((value & low) &+ low) | value | low) }
        // The high bit of each byte below 0x0E: ASCII, and not at least 0x0E.
        let belowFourteen = ~(((chunk | high) &- ones &* 0x0E) & high) & ~chunk & high
        let spaces = zeroBytes(chunk ^ (ones &* 0x20))
        let others = zeroBytes(chunk ^ (ones &* 0x3C)) | zeroBytes(chunk ^ (ones &* 0x26)) | belowFourteen
        // A space stops when the byte after it is a space or any other stop, or is not here.
        let stops = others | spaces & ((spaces | others) >> 8) | spaces & (0x80 << 56)
        return stops.trailingZeroBitCount >> 3
    }

    /// `<`, `&` and the white space the text collapses: a bit mask over the bytes below 64.
    /// (A literal, not a `static let`: a lazy global is checked on every read.)
    @inline(__always) static func isSpecial(_ byte: UInt8) -> Bool {
        let mask: UInt64 = 1 << 0x09 | 1 << 0x0A | 1 << 0x0D | 1 << 0x20 | 1 << 0x26 | 1 << 0x3C
        return byte < 64 && (mask >> UInt64(byte)) & 1 == 1
    }

    /// The lowercased name of a tag (with a leading `/` for an end tag), its first eight bytes
    /// packed in a number, so that telling inline tags costs no string or set lookup.
    struct TagName: Equatable {
        var packed: UInt64 = 0
        var length = 0

        /// The name starting at `start`: a `/` first, then letters and digits, at most 12.
        init(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) {
            var index = start
            while index < bytes.count, length < 12 {
                let byte = bytes[index]
                guard byte == UInt8(ascii: "/") && length == 0 || SearchTokenizer.isASCIIAlphanumeric(byte) else { break }
                if length < 8 { packed |= UInt64(byte | (SearchTokenizer.isASCIIUpper(byte) ? 0x20 : 0)) << UInt64(length * 8) }
                length += 1
                index += 1
            }
        }

        init(_ name: StaticString) {
            precondition(name.utf8CodeUnitCount <= 8)
            let bytes = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
            for (offset, byte) in bytes.enumerated() { packed |= UInt64(byte) << UInt64(offset * 8) }
            length = bytes.count
        }

        static let script = TagName("script"), style = TagName("style")

        var closing: TagName {
            var name = self
            name.packed = packed << 8 | UInt64(UInt8(ascii: "/"))
            name.length += 1
            return name
        }

        var isInline: Bool { length <= 8 && SearchPlainText.inlineTags.contains(packed) }
    }

    /// Tags that do not separate words (packed as `TagName` packs them); a list, as looking
    /// through thirty numbers costs less than hashing one.
    static let inlineTags: [UInt64] = [
        "a", "/a", "em", "/em", "strong", "/strong", "code", "/code", "b", "/b",
        "i", "/i", "span", "/span", "sup", "/sup", "sub", "/sub", "del", "/del",
        "mark", "/mark", "small", "/small", "abbr", "/abbr", "q", "/q", "u", "/u",
    ].map { (name: StaticString) in TagName(name).packed }

    /// The index of the next `>` from `start`, or the end.
    @inline(__always) static func endOfTag(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard start < bytes.count, let found = memchr(bytes.baseAddress! + start, Int32(UInt8(ascii: ">")), bytes.count - start) else {
            return bytes.count
        }
        return UnsafeRawPointer(found) - UnsafeRawPointer(bytes.baseAddress!)
    }

    /// The index just past `</name…>` (case-insensitive), or the end.
    static func skipPast(closing name: TagName, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let closing = name.closing
        var index = start
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), TagName(bytes, from: index + 1) == closing {
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
