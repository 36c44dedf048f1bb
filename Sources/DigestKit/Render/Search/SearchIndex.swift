import Foundation

/// The client-side full-text search index, as many small scripts the search page adds to itself
/// only when a query needs them: scripts rather than JSON because browsers block `fetch` on
/// `file://`, and many files so that a query loads a few kilobytes, not the archive.
///
/// - `search/index-data.js`: the manifest, read with the page: the number of documents, the
///   shard keys, and the sections, speakers and weeks to filter by.
/// - `search/terms/t_<key>.js`: the terms starting with `key` (see `SearchShardKeys`), each with
///   its documents as gaps between ids, with `SearchDocument.Field` bits for ranking.
/// - `search/docs/<id>.js`: one article's title, address, date, section, summary, tags,
///   speakers, source and plain text, loaded for the results shown (snippets).
/// - `search/facets/<kind>-<slug>.js`: the documents of one section, speaker or week.
///
/// Each file is its own output, kept when its bytes are what the last build wrote.
struct SearchIndex: Sendable {
    static let file = "search/index-data.js"

    let site: Site
    /// The site's words: the week filter's labels (`weeks.filter`).
    var words = Localizations.builtIn.localization("en")
    var keys = SearchShardKeys()

    /// Every file of the index, each handed to `sink` when made (from any thread, and so not
    /// held until the rest are made): the documents, made side by side in runs of ids whose
    /// terms go straight into each run's postings, then the shards, facets and manifest, those
    /// `reuse` says are as the last build wrote them left out.
    func files(keepingUnchangedOf reuse: (any SearchIndexReuse)? = nil, into sink: @Sendable (OutputFile) throws -> Void) throws {
        let count = site.articles.count
        let runCount = max(1, min(count / 500, ProcessInfo.processInfo.activeProcessorCount * 4))
        let runs = (0..<runCount).map { count * $0 / runCount..<count * ($0 + 1) / runCount }
        let parts = runs.parallelMap { ids -> Result<SearchPostingsBuilder, any Error> in
            var postings = SearchPostingsBuilder()
            do {
                for id in ids {
                    postings.document = UInt32(id)
                    // site.articles is newest first; ids run oldest first.
                    let script = SearchDocument.script(id: id, placed: site.articles[count - 1 - id], site: site, terms: &postings)
                    try sink(OutputFile(path: SearchDocument.file(id), content: .bytes(script)))
                }
                return .success(postings)
            } catch {
                return .failure(error)
            }
        }
        let (shards, shardFiles) = shardFiles(SearchPostingsBuilder.merged(try parts.map { try $0.get() }))
        let others = shardFiles + facets().map(\.file) + [manifestFile(keys: shards.map(\.key))]
        for file in reuse.map({ keepingUnchanged(others, reuse: $0) }) ?? others { try sink(file) }
    }

    /// The term shards of `postings`, split as `keys` says.
    func shardFiles(_ postings: [Posting]) -> (shards: [SearchShardKeys.Shard], files: [OutputFile]) {
        let shards = keys.shards(postings.map { ($0.term, $0.term.utf8.count + 4 + $0.ids.count * 2) })
        let files = shards.parallelMap { shard in
            OutputFile(path: SearchShardKeys.file(shard.key), content: .bytes(Data(Self.shardScript(shard, postings))))
        }
        return (shards, files)
    }

    struct Posting {
        var term: String
        var ids: [UInt32]
        var flags: [UInt8]
    }

    /// Every term's documents in ascending id order, from documents given in that order.
    static func postings(_ documents: some Sequence<SearchDocument>) -> [Posting] {
        var postings = SearchPostingsBuilder()
        for document in documents { postings.add(UInt32(document.id), terms: document.terms) }
        return SearchPostingsBuilder.merged([postings])
    }

    /// `DIGEST_SEARCH_SHARD("key",["term",…],["postings",…]);` with terms in byte order.
    static func shardScript(_ shard: SearchShardKeys.Shard, _ postings: [Posting]) -> [UInt8] {
        let members = shard.terms.sorted { postings[$0].term.utf8.lexicographicallyPrecedes(postings[$1].term.utf8) }
        var script = Array("DIGEST_SEARCH_SHARD(".utf8)
        SearchScript.appendQuoted(shard.key, to: &script)
        script += Array(",[".utf8)
        for (position, member) in members.enumerated() {
            if position > 0 { script.append(UInt8(ascii: ",")) }
            SearchScript.appendQuoted(postings[member].term, to: &script)
        }
        script += Array("],[".utf8)
        for (position, member) in members.enumerated() {
            if position > 0 { script.append(UInt8(ascii: ",")) }
            SearchScript.appendIDs(postings[member].ids, flags: postings[member].flags, to: &script)
        }
        script += Array("]);\n".utf8)
        return script
    }

    struct Facet {
        var name: String
        var label: String
        var ids: [UInt32]

        var file: OutputFile {
            var script = Array("DIGEST_SEARCH_FACET(".utf8)
            SearchScript.appendQuoted(name, to: &script)
            script.append(UInt8(ascii: ","))
            SearchScript.appendIDs(ids, to: &script)
            script += Array(");\n".utf8)
            return OutputFile(path: "search/facets/\(name).js", content: .bytes(Data(script)))
        }
    }

    /// Sections (in the site's order), speakers (by name) and weeks (newest first).
    func facets() -> [Facet] {
        let count = site.articles.count
        func ids(_ positions: [Int]) -> [UInt32] { positions.map { UInt32(count - 1 - $0) }.sorted() }
        var facets = site.sections.map { Facet(name: "section-\($0.slug)", label: $0.name, ids: ids($0.articles)) }
        facets += site.speakers.sorted { $0.name < $1.name }.map { Facet(name: "speaker-\($0.slug)", label: $0.name, ids: ids($0.articles)) }
        facets += site.weeks.map { Facet(name: "week-\($0.week.id)", label: words.weekFilterLabel($0.week), ids: ids($0.articles)) }
        return facets.filter { !$0.ids.isEmpty }
    }

    /// The manifest, listing `keys` (in any order).
    func manifestFile(keys: [String]) -> OutputFile {
        let sortedKeys = keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var script = Array("window.DIGEST_SEARCH = {\"version\":2,\"docs\":\(site.articles.count),\"keys\":".utf8)
        SearchScript.appendQuoted(sortedKeys.joined(separator: " "), to: &script)
        script += Array(",\"facets\":[".utf8)
        for (position, facet) in facets().enumerated() {
            if position > 0 { script.append(UInt8(ascii: ",")) }
            script.append(UInt8(ascii: "["))
            SearchScript.appendQuoted(facet.name, to: &script)
            script.append(UInt8(ascii: ","))
            SearchScript.appendQuoted(facet.label, to: &script)
            script.append(UInt8(ascii: "]"))
        }
        script += Array("]};\n".utf8)
        return OutputFile(path: Self.file, content: .bytes(Data(script)))
    }
}
