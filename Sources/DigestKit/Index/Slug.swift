import Foundation

/// Readable, URL-safe names for pages, in any script.
///
/// Letters and digits of every script are kept (`网络安全` stays `网络安全`), emoji become their
/// Unicode names (`🚀` → `rocket`), everything else becomes `-`. A slug therefore never holds
/// `/`, `.`, `\` or control characters, so it cannot climb out of `Public/`.
public enum Slug {
    public static let maxLength = 80

    public static func make(_ text: String) -> String {
        var slug = ""
        var pendingDash = false
        func append(_ piece: String) {
            if pendingDash, !slug.isEmpty { slug += "-" }
            pendingDash = false
            slug += piece
        }
        // ASCII is its own compatibility form; Foundation's normalisation is slow enough to
        // show in a 10,000-article rebuild, so most titles skip it.
        let normalized = text.utf8.allSatisfy { $0 < 0x80 } ? text : text.precomposedStringWithCompatibilityMapping
        for character in normalized.lowercased() {
            if character.isLetter || character.isNumber {
                // Drop format characters (ZWJ, bidi marks) that may ride along in a cluster.
                let kept = String(String.UnicodeScalarView(character.unicodeScalars.filter {
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
              let name = first.properties.name else { return nil }
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
        // ASCII is already in canonical form (see `Slug.make`).
        (name.utf8.allSatisfy { $0 < 0x80 } ? name : name.precomposedStringWithCanonicalMapping)
            .lowercased()
            .split(whereSeparator: \.isWhitespace)
            .joined(separator: " ")
    }
}
