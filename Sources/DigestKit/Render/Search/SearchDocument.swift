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
    var terms: SearchTermList
    /// `search/docs/<id>.js`.
    var script: Data

    static func file(_ id: Int) -> String { "search/docs/\(id).js" }

    var file: OutputFile { OutputFile(path: Self.file(id), content: .bytes(script)) }

    /// Every distinct term of a document's fields, with the bits of the fields it stands in.
    static func fieldTerms(title: String, meta: [String], body: String) -> [(term: String, flags: UInt8)] {
        var body = body
        return body.withUTF8 { termList(title: title, meta: meta, body: $0).list }
    }

    /// As `fieldTerms`, as bytes; `body` is valid UTF-8.
    static func termList(title: String, meta: [String], body: UnsafeBufferPointer<UInt8>) -> SearchTermList {
        var terms = SearchTermSet.Adding()
        addTerms(title: title, meta: meta, body: body, to: &terms)
        return terms.set.list
    }

    /// Gives `sink` the terms of each field in turn, with that field's bits.
    static func addTerms(title: String, meta: [String], body: UnsafeBufferPointer<UInt8>, to sink: inout some SearchFieldTermSink) {
        sink.flags = Field.title.rawValue
        SearchTokenizer.forEachTerm(in: title, into: &sink)
        sink.flags = Field.meta.rawValue
        for value in meta { SearchTokenizer.forEachTerm(in: value, into: &sink) }
        sink.flags = Field.body.rawValue
        SearchTokenizer.forEachTerm(inUTF8: body, into: &sink)
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

    init(id: Int, terms: SearchTermList, script: Data) {
        (self.id, self.terms, self.script) = (id, terms, script)
    }

    init(id: Int, placed: PlacedArticle, site: Site) {
        var terms = SearchTermSet.Adding()
        let script = Self.script(id: id, placed: placed, site: site, terms: &terms)
        self.init(id: id, terms: terms.set.list, script: script)
    }

    /// The script of article `placed` as document `id`, its terms given to `terms` on the way.
    static func script(id: Int, placed: PlacedArticle, site: Site, terms: inout some SearchFieldTermSink) -> Data {
        let article = placed.article
        let section = site.sections[placed.sectionIndex].name
        let tags = placed.tagIndices.map { site.tags[$0].name }
        let speakers = placed.speakerIndices.map { site.speakers[$0].name }
        let text = SearchPlainText.bytes(html: article.bodyHTML)
        let meta = [article.summary ?? "", section, article.source ?? ""] + tags + speakers
        text.withUnsafeBufferPointer { addTerms(title: article.title, meta: meta, body: $0, to: &terms) }

        let url = site.searchAddress(placed.path)
        // An article in another language than its search page's is marked so on the page,
        // for the reader's fonts and screen readers, as it is in the site's lists.
        let language = site.language(of: article)
        var script = Array("DIGEST_SEARCH_DOC(\(id),{\"t\":".utf8)
        script.reserveCapacity(text.count + 1024)
        SearchScript.appendQuoted(article.title, to: &script)
        let fields: [(String, String?)] = [
            ("u", url), ("d", article.date.day.id), ("s", section), ("m", article.summary),
            ("o", article.source), ("l", language == site.config.language ? nil : language),
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
        text.withUnsafeBufferPointer { SearchScript.appendQuoted(utf8: $0, to: &script) }
        script += Array("});\n".utf8)
        // Made `Data` here, so that the bytes are freed (and reused by the next document)
        // rather than kept until every document is made.
        return Data(script)
    }
}
