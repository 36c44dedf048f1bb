import Yams

/// Reads front matter in the shape nearly every article has, without libyaml: one `key: value`
/// per line, the value on its key's line (plain, or quoted with no escapes) or a block of lines
/// under it (`>-`, `|`: evenly indented, no blank line within), and lists as `- item` lines under
/// their key. Building libyaml's events and Yams' nodes for that was a large share of a full
/// build's time (docs/performance.md).
///
/// Anything outside that shape gives nil and is read by Yams instead: comments, block scalars
/// with an indentation digit, `+` or a blank line, flow lists, nested mappings (`quotes:`), escapes, a value continued on the next line, an
/// empty value, a repeated key, tabs, and characters YAML treats as line breaks or refuses. So
/// what this returns is what Yams returns for the same text; `PlainFrontMatterTests` holds it
/// to that over generated front matter. Its nodes carry no `mark`, which Yams gives no way to
/// make: article fields read their lines from `Entry`, and the one that reads its items'
/// marks (`quotes:`) holds mappings, which always go to Yams.
enum PlainFrontMatter {
    /// The fields of `yaml`, with `Entry.line` counted from `firstLine`, and the mapping's line;
    /// nil when `yaml` is not in the shape above.
    static func read(_ yaml: String, firstLine: Int, resolver: Resolver) -> (entries: [YAMLFields.Entry], mappingLine: Int)? {
        var yaml = yaml
        return yaml.withUTF8 { bytes in
            guard hasOnlyPlainCharacters(bytes) else { return nil }
            var reader = Reader(bytes: bytes, resolver: resolver)
            guard var entries = reader.entries(), let first = entries.first else { return nil }
            for index in entries.indices { entries[index].line += firstLine - 1 }
            return (entries, first.line + firstLine - 1)
        }
    }

    /// No tab, carriage return or other control character, and none of the characters libyaml
    /// reads as a line break (NEL, U+2028, U+2029), refuses (U+FFFE, U+FFFF) or skips (a
    /// byte-order mark). The text is valid UTF-8, so a lead byte and what follows it suffice.
    static func hasOnlyPlainCharacters(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for index in bytes.indices {
            let byte = bytes[index]
            if byte < 0x80 {
                guard byte == 0x0A || (byte >= 0x20 && byte != 0x7F) else { return false }
                continue
            }
            let second = index + 1 < bytes.count ? bytes[index + 1] : 0
            let third = index + 2 < bytes.count ? bytes[index + 2] : 0
            switch (byte, second, third) {
            case (0xC2, 0x80...0x9F, _), (0xE2, 0x80, 0xA8...0xA9), (0xEF, 0xBB, 0xBF), (0xEF, 0xBF, 0xBE...0xBF): return false
            default: continue
            }
        }
        return true
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        let resolver: Resolver
        /// The line being read: where it starts and ends (its line break, or the end), and its
        /// number in the YAML (from 1).
        var start = 0
        var end = 0
        var line = 1

        init(bytes: UnsafeBufferPointer<UInt8>, resolver: Resolver) {
            self.bytes = bytes
            self.resolver = resolver
            end = endOfLine()
        }

        func endOfLine() -> Int {
            var index = start
            while index < bytes.count && bytes[index] != UInt8(ascii: "\n") { index += 1 }
            return index
        }

        mutating func nextLine() {
            start = min(end + 1, bytes.count)
            end = endOfLine()
            line += 1
        }

        func isBlank(from index: Int, to end: Int) -> Bool {
            bytes[index..<end].allSatisfy { $0 == UInt8(ascii: " ") }
        }

        mutating func skipBlankLines() {
            while start < bytes.count && isBlank(from: start, to: end) { nextLine() }
        }

        mutating func entries() -> [YAMLFields.Entry]? {
            var entries: [YAMLFields.Entry] = []
            while true {
                skipBlankLines()
                guard start < bytes.count else { return entries }
                // A key starts its line: an indented line here would continue the last value.
                var index = start
                guard Self.startsKey(bytes[index]) else { return nil }
                while index < end && Self.isKeyCharacter(bytes[index]) { index += 1 }
                guard index < end, bytes[index] == UInt8(ascii: ":") else { return nil }
                let key = String(decoding: bytes[start..<index], as: UTF8.self)
                guard !entries.contains(where: { $0.key == key }) else { return nil }
                let keyLine = line
                index += 1
                let value: Node
                if isBlank(from: index, to: end) {
                    nextLine()
                    guard let list = list() else { return nil }
                    value = list
                } else if let style = blockStyle(from: index, to: end) {
                    nextLine()
                    guard let block = block(style) else { return nil }
                    value = block
                } else {
                    guard bytes[index] == UInt8(ascii: " "), let scalar = scalar(from: index, to: end) else { return nil }
                    value = scalar
                    nextLine()
                }
                entries.append(YAMLFields.Entry(key: key, value: value, line: keyLine, column: 1))
            }
        }

        /// `- item` lines, all at the first one's indentation, up to the next key.
        mutating func list() -> Node? {
            skipBlankLines()
            var items: [Node] = []
            var indentation: Int?
            while start < bytes.count {
                var index = start
                while index < end && bytes[index] == UInt8(ascii: " ") { index += 1 }
                if index == start && bytes[index] != UInt8(ascii: "-") { break }
                guard indentation == nil || indentation == index - start,
                    index + 1 < end, bytes[index] == UInt8(ascii: "-"), bytes[index + 1] == UInt8(ascii: " "),
                    let item = scalar(from: index + 1, to: end)
                else { return nil }
                indentation = index - start
                items.append(item)
                nextLine()
                skipBlankLines()
            }
            guard !items.isEmpty else { return nil }
            return .sequence(Node.Sequence(items, Tag(.implicit, resolver, YAMLFields.constructor), .any))
        }

        /// How a block scalar's lines are joined, and whether it ends with a line break.
        struct BlockStyle {
            var folded: Bool
            var keepsFinalBreak: Bool
        }

        /// ` >-`, ` >`, ` |-` or ` |` and nothing else after a key; other headers (indentation
        /// given, `+`, a comment) go to Yams.
        func blockStyle(from index: Int, to end: Int) -> BlockStyle? {
            var first = index
            while first < end && bytes[first] == UInt8(ascii: " ") { first += 1 }
            guard first > index, first < end, bytes[first] == UInt8(ascii: ">") || bytes[first] == UInt8(ascii: "|") else { return nil }
            let strips = first + 1 < end && bytes[first + 1] == UInt8(ascii: "-")
            guard isBlank(from: first + (strips ? 2 : 1), to: end) else { return nil }
            return BlockStyle(folded: bytes[first] == UInt8(ascii: ">"), keepsFinalBreak: !strips)
        }

        /// The lines of a block scalar: each at the first one's indentation, none blank, none
        /// ending in a space, up to the next key.
        mutating func block(_ style: BlockStyle) -> Node? {
            var lines: [String] = []
            var indentation = 0
            while start < bytes.count {
                var index = start
                while index < end && bytes[index] == UInt8(ascii: " ") { index += 1 }
                if index == start && index < end { break }
                if lines.isEmpty { indentation = index - start }
                guard index - start == indentation, index < end, bytes[end - 1] != UInt8(ascii: " ") else { return nil }
                // A clipped block keeps the line break after its last line: there must be one.
                guard end < bytes.count || !style.keepsFinalBreak else { return nil }
                lines.append(String(decoding: bytes[index..<end], as: UTF8.self))
                nextLine()
            }
            guard !lines.isEmpty else { return nil }
            let text = lines.joined(separator: style.folded ? " " : "\n") + (style.keepsFinalBreak ? "\n" : "")
            return .scalar(Node.Scalar(text, Tag(.str, resolver, YAMLFields.constructor), style.folded ? .folded : .literal))
        }

        /// A value starting after the spaces at `index` and running to `end`, or nil if it is
        /// not plain text or quoted text without escapes.
        func scalar(from index: Int, to end: Int) -> Node? {
            var first = index
            while first < end && bytes[first] == UInt8(ascii: " ") { first += 1 }
            guard first < end else { return nil }
            let quote = bytes[first]
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                var close = first + 1
                while close < end && bytes[close] != quote && bytes[close] != UInt8(ascii: "\\") { close += 1 }
                guard close < end, bytes[close] == quote, isBlank(from: close + 1, to: end) else { return nil }
                // A doubled quote ('') is an escape in single quotes: what follows the first one
                // is not blank, so such a value goes to Yams.
                let text = String(decoding: bytes[(first + 1)..<close], as: UTF8.self)
                let style: Node.Scalar.Style = quote == UInt8(ascii: "\"") ? .doubleQuoted : .singleQuoted
                return .scalar(Node.Scalar(text, Tag(.str, resolver, YAMLFields.constructor), style))
            }
            guard !Self.isIndicator(quote) else { return nil }
            var last = end
            while bytes[last - 1] == UInt8(ascii: " ") { last -= 1 }
            guard bytes[last - 1] != UInt8(ascii: ":") else { return nil }
            for position in first..<(last - 1) {
                let byte = bytes[position], next = bytes[position + 1]
                if (byte == UInt8(ascii: ":") && next == UInt8(ascii: " ")) || (byte == UInt8(ascii: " ") && next == UInt8(ascii: "#")) {
                    return nil
                }
            }
            let text = String(decoding: bytes[first..<last], as: UTF8.self)
            return .scalar(Node.Scalar(text, Tag(.implicit, resolver, YAMLFields.constructor), .plain))
        }

        static func startsKey(_ byte: UInt8) -> Bool {
            (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte == UInt8(ascii: "_")
        }

        static func isKeyCharacter(_ byte: UInt8) -> Bool {
            startsKey(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
        }

        /// Characters that give a value's first character a meaning in YAML.
        static func isIndicator(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"),
                UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"),
                UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"),
                UInt8(ascii: "`"):
                return true
            default: return false
            }
        }
    }
}
