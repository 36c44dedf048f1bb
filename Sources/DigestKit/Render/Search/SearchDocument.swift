import Foundation

/// One article as the search index sees it: its number, the terms it holds with the fields they
/// stand in, and its script (the metadata and plain text the results page shows).
struct SearchDocument: Sendable {
    /// Where a term stands, for ranking: a headline match ranks above one in the summary, tags,
    /// speakers, section or source, which ranks above one in the body only.
    enum Field: UInt8 {
        case body = 1, meta = 2, title = 4
    }

    /// Oldest first, so adding the newest article leaves every other number, and its file, as
    /// it was; the page ranks higher numbers (newer) first among equals.
    var id: Int
    /// Every distinct term with its `Field` bits.
    var terms: [(term: String, flags: UInt8)]
    /// `search/docs/<id>.js`.
    var script: [UInt8]

    static func file(_ id: Int) -> String { "search/docs/\(id).js" }

    var file: OutputFile { OutputFile(path: Self.file(id), content: .bytes(Data(script))) }

    /// Every distinct term of a document's fields, with the bits of the fields it stands in.
    static func fieldTerms(title: String, meta: [String], body: String) -> [(term: String, flags: UInt8)] {
        var terms = SearchTermSet()
        func add(_ value: String, _ field: Field) {
            SearchTokenizer.forEachTerm(in: value) { terms.insert($0, flags: field.rawValue) }
        }
        add(title, .title)
        for value in meta { add(value, .meta) }
        add(body, .body)
        return terms.terms
    }

    /// The terms of a document as the last build wrote it (`script`), or nil if it cannot be read.
    static func fieldTerms(ofScript script: Data) -> [(term: String, flags: UInt8)]? {
        guard let call = SearchScript.arguments(script, call: "DIGEST_SEARCH_DOC"), call.count == 2,
            let fields = call[1] as? [String: Any], let title = fields["t"] as? String
        else { return nil }
        var meta: [String] = ["m", "s", "o"].map { fields[$0] as? String ?? "" }
        meta += fields["g"] as? [String] ?? []
        meta += fields["p"] as? [String] ?? []
        return fieldTerms(title: title, meta: meta, body: fields["x"] as? String ?? "")
    }

    init(id: Int, placed: PlacedArticle, site: Site) {
        self.id = id
        let article = placed.article
        let section = site.sections[placed.sectionIndex].name
        let tags = placed.tagIndices.map { site.tags[$0].name }
        let speakers = placed.speakerIndices.map { site.speakers[$0].name }
        let text = SearchPlainText.of(html: article.bodyHTML)

        terms = Self.fieldTerms(
            title: article.title, meta: [article.summary ?? "", section, article.source ?? ""] + tags + speakers,
            body: text)

        let url = site.searchAddress(placed.path)
        var script = Array("DIGEST_SEARCH_DOC(\(id),{\"t\":".utf8)
        SearchScript.appendQuoted(article.title, to: &script)
        let fields: [(String, String?)] = [
            ("u", url), ("d", article.date.day.id), ("s", section), ("m", article.summary),
            ("o", article.source),
        ]
        for case let (name, value?) in fields {
            script += Array(",\"\(name)\":".utf8)
            SearchScript.appendQuoted(value, to: &script)
        }
        for (name, list) in [("g", tags), ("p", speakers)] where !list.isEmpty {
            script += Array(",\"\(name)\":[".utf8)
            for (position, value) in list.enumerated() {
                if position > 0 { script.append(UInt8(ascii: ",")) }
                SearchScript.appendQuoted(value, to: &script)
            }
            script.append(UInt8(ascii: "]"))
        }
        script += Array(",\"x\":".utf8)
        SearchScript.appendQuoted(text, to: &script)
        script += Array("});\n".utf8)
        self.script = script
    }
}
