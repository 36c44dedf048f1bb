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
    var terms: [String: UInt8]
    /// `search/docs/<id>.js`.
    var script: [UInt8]

    static func file(_ id: Int) -> String { "search/docs/\(id).js" }

    init(id: Int, placed: PlacedArticle, site: Site) {
        self.id = id
        let article = placed.article
        let section = site.sections[placed.sectionIndex].name
        let tags = placed.tagIndices.map { site.tags[$0].name }
        let speakers = placed.speakerIndices.map { site.speakers[$0].name }
        let text = SearchPlainText.of(html: article.bodyHTML)

        var terms: [String: UInt8] = [:]
        func add(_ value: String, _ field: Field) {
            SearchTokenizer.forEachTerm(in: value) { terms[$0, default: 0] |= field.rawValue }
        }
        add(article.title, .title)
        for value in [article.summary ?? "", section, article.source ?? ""] + tags + speakers { add(value, .meta) }
        add(text, .body)
        self.terms = terms

        let url = site.config.linkIndexFiles ? placed.path.file : placed.path.folder
        var script = Array("DIGEST_SEARCH_DOC(\(id),{\"t\":".utf8)
        SearchScript.appendQuoted(article.title, to: &script)
        let fields: [(String, String?)] = [("u", url), ("d", article.date.day.id), ("s", section), ("m", article.summary),
                                           ("o", article.source)]
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
