import Foundation

/// The client-side search index: every published article's title, summary, section, tags,
/// speakers, day and URL. It is written as a script (`window.DIGEST_SEARCH = […]`) rather than
/// JSON, because browsers block `fetch` on `file://` and the site must work from disk.
struct SearchIndex: Sendable {
    static let file = "search/index-data.js"

    struct Entry: Encodable {
        var title: String
        var summary: String?
        var section: String
        var tags: [String]
        var speakers: [String]
        var date: String
        var url: String
    }

    let site: Site

    func entries() -> [Entry] {
        let indexFiles = site.config.linkIndexFiles
        return site.articles.map { placed in
            Entry(
                title: placed.article.title,
                summary: placed.article.summary,
                section: site.sections[placed.sectionIndex].name,
                tags: placed.tagIndices.map { site.tags[$0].name },
                speakers: placed.speakerIndices.map { site.speakers[$0].name },
                date: placed.article.date.day.id,
                url: indexFiles ? placed.path.file : placed.path.folder)
        }
    }

    /// Stands for every entry's values, so editing a body leaves the index alone.
    static func fingerprint(_ entries: [Entry], seed: UInt64) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(seed)
        for entry in entries {
            hasher.combine(entry.title)
            hasher.combine(entry.summary ?? "\u{0}")
            hasher.combine(entry.section)
            hasher.combine(entry.date)
            hasher.combine(entry.url)
            hasher.combine(entry.tags.count)
            for tag in entry.tags { hasher.combine(tag) }
            hasher.combine(entry.speakers.count)
            for speaker in entry.speakers { hasher.combine(speaker) }
        }
        return hasher.finalize()
    }

    static func render(_ entries: [Entry]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(entries)) ?? Data("[]".utf8)
        // `</script` cannot close anything in a separate .js file, but U+2028/2029 are escaped
        // for older JavaScript engines that treat them as line ends inside strings. Done on
        // the bytes: Foundation's `replacingOccurrences` took a quarter of a rebuild.
        var safe = [UInt8]()
        safe.reserveCapacity(json.count + 32)
        safe += Array("window.DIGEST_SEARCH = ".utf8)
        var index = json.startIndex
        while index < json.endIndex {
            let byte = json[index]
            if byte == 0xE2, index + 2 < json.endIndex, json[index + 1] == 0x80, json[index + 2] == 0xA8 || json[index + 2] == 0xA9 {
                safe += Array((json[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                index += 3
            } else {
                safe.append(byte)
                index += 1
            }
        }
        safe += Array(";\n".utf8)
        return String(decoding: safe, as: UTF8.self)
    }
}
