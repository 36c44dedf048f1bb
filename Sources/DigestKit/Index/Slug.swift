import Foundation

/// Readable, URL-safe names for pages, in any script.
///
/// Letters and digits of every script are kept (`网络安全` stays `网络安全`), emoji become their
/// Unicode names (`🚀` → `rocket`), everything else becomes `-`. A slug therefore never holds
/// `/`, `.`, `\` or control characters, so it cannot climb out of `Public/`.
public enum Slug {
    public static let maxLength = 80

    public static func make(_ text: String) -> String {
        text.utf8.allSatisfy { $0 < 0x80 } ? makeASCII(text) : makeUnicode(text)
    }

    /// `make` for ASCII text, byte by byte: letters and digits are the only ASCII a slug keeps,
    /// and no ASCII character is an emoji by `emojiName`'s test, so this gives `makeUnicode`'s
    /// result (tested against it) without its per-character Unicode work.
    static func makeASCII(_ text: String) -> String {
        var slug: [UInt8] = []
        slug.reserveCapacity(min(text.utf8.count, maxLength))
        var pendingDash = false
        for var byte in text.utf8 {
            if byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") { byte += 32 }
            if (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) {
                if pendingDash, !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
                pendingDash = false
                slug.append(byte)
            } else {
                pendingDash = true
            }
        }
        if slug.count > maxLength {
            slug.removeSubrange(maxLength...)
            while slug.last == UInt8(ascii: "-") { slug.removeLast() }
        }
        return String(decoding: slug, as: UTF8.self)
    }

    static func makeUnicode(_ text: String) -> String {
        var slug = ""
        var pendingDash = false
        func append(_ piece: String) {
            if pendingDash, !slug.isEmpty { slug += "-" }
            pendingDash = false
            slug += piece
        }
        let normalized = text.precomposedStringWithCompatibilityMapping
        for character in normalized.lowercased() {
            if character.isLetter || character.isNumber {
                // Drop format characters (ZWJ, bidi marks) that may ride along in a cluster.
                let kept = String(
                    String.UnicodeScalarView(
                        character.unicodeScalars.filter {
                            $0.properties.generalCategory != .format && $0.properties.generalCategory != .control
                        }))
                if !kept.isEmpty { append(kept) }
            } else if let name = emojiName(character) {
                pendingDash = true
                append(name)
                pendingDash = true
            } else {
                pendingDash = true
            }
        }
        if slug.count > maxLength {
            slug = String(slug.prefix(maxLength))
            while slug.hasSuffix("-") { slug.removeLast() }
        }
        return slug
    }

    /// `face with tears of joy` → `face-with-tears-of-joy`; nil for anything but emoji.
    static func emojiName(_ character: Character) -> String? {
        guard let first = character.unicodeScalars.first,
            first.properties.isEmojiPresentation || (first.properties.isEmoji && first.value > 0x238C),
            let name = first.properties.name
        else { return nil }
        return name.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: "-")
    }
}

/// Assigns distinct slugs: the first claimant keeps the plain slug, later ones get `-2`, `-3`…
struct SlugAllocator {
    private var taken: Set<String> = []
    let fallback: String

    init(fallback: String) {
        self.fallback = fallback
    }

    mutating func claim(_ text: String) -> String {
        claim(slug: Slug.make(text))
    }

    /// `claim` for text already made into a slug with `Slug.make`.
    mutating func claim(slug made: String) -> String {
        var base = made
        if base.isEmpty { base = fallback }
        var slug = base
        var counter = 2
        while !taken.insert(slug).inserted {
            slug = "\(base)-\(counter)"
            counter += 1
        }
        return slug
    }

    mutating func reserve(_ slug: String) -> Bool {
        taken.insert(slug).inserted
    }
}

/// How tags, speakers and sections are matched: case- and spacing-insensitive, so
/// `Cyber Security` and ` cyber  security` are one tag.
public enum TermKey {
    public static func normalize(_ name: String) -> String {
        name.utf8.allSatisfy { $0 < 0x80 } ? normalizeASCII(name) : normalizeUnicode(name)
    }

    /// `normalize` for ASCII, byte by byte: ASCII is already in canonical form, and its
    /// whitespace is tab, line feed, vertical tab, form feed, carriage return and space.
    static func normalizeASCII(_ name: String) -> String {
        var key: [UInt8] = []
        key.reserveCapacity(name.utf8.count)
        var pendingSpace = false
        for var byte in name.utf8 {
            if byte == UInt8(ascii: " ") || (byte >= 9 && byte <= 13) {
                pendingSpace = true
                continue
            }
            if byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") { byte += 32 }
            if pendingSpace, !key.isEmpty { key.append(UInt8(ascii: " ")) }
            pendingSpace = false
            key.append(byte)
        }
        return String(decoding: key, as: UTF8.self)
    }

    static func normalizeUnicode(_ name: String) -> String {
        name.precomposedStringWithCanonicalMapping
            .lowercased()
            .split(whereSeparator: \.isWhitespace)
            .joined(separator: " ")
    }
}
