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

    /// Stands for every entry: each article's source and placement.
    func fingerprint(seed: UInt64) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(seed)
        hasher.combine(site.config.linkIndexFiles)
        for placed in site.articles { placed.combineFingerprint(into: &hasher, site: site) }
        return hasher.finalize()
    }

    func render() -> String {
        let indexFiles = site.config.linkIndexFiles
        let entries = site.articles.map { placed in
            Entry(
                title: placed.article.title,
                summary: placed.article.summary,
                section: site.sections[placed.sectionIndex].name,
                tags: placed.tagIndices.map { site.tags[$0].name },
                speakers: placed.speakerIndices.map { site.speakers[$0].name },
                date: placed.article.date.day.id,
                url: indexFiles ? placed.path.file : placed.path.folder)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(entries)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        // `</script` cannot close anything in a separate .js file, but U+2028/2029 are escaped
        // for older JavaScript engines that treat them as line ends inside strings.
        let safe = json.replacingOccurrences(of: "\u{2028}", with: "\\u2028").replacingOccurrences(of: "\u{2029}", with: "\\u2029")
        return "window.DIGEST_SEARCH = \(safe);\n"
    }
}
