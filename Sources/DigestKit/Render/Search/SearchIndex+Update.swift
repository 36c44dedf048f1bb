import Foundation

extension SearchIndex {
    /// The index for a rebuild in which only the bodies of the articles at `changed` (positions
    /// in `site.articles`) can differ from the last build's, brought up to date from the files
    /// that build wrote instead of made from every body (which would parse every article again):
    /// the changed articles' documents are made afresh, the shards holding terms they gained,
    /// lost or moved between fields are read back and patched, the manifest is made again, and
    /// every other file is carried over unread. The bytes are those `files()` gives.
    ///
    /// Nil, with nothing carried over, when a file it needs is not as the last build left it.
    /// Returns only the files to write: the others are kept.
    func updatedFiles(changed: Set<Int>, reuse: any SearchIndexReuse, seed: UInt64) -> [OutputFile]? {
        guard let manifest = reuse.intactBytes(Self.file), let oldKeys = Self.keys(ofManifest: manifest) else { return nil }
        var made: [OutputFile] = []
        var documents: [OutputFile] = []
        // term → (document, its new field bits or nil when it no longer has the term)
        var changes: [String: [(id: UInt32, flags: UInt8?)]] = [:]
        for position in changed.sorted() {
            let id = site.articles.count - 1 - position
            guard let old = reuse.intactBytes(SearchDocument.file(id)), let oldList = SearchDocument.fieldTerms(ofScript: old) else { return nil }
            let document = SearchDocument(id: id, placed: site.articles[position], site: site)
            documents.append(document.file)
            let oldTerms = Dictionary(oldList, uniquingKeysWith: |), newTerms = Dictionary(document.terms.list, uniquingKeysWith: |)
            for (term, flags) in newTerms where oldTerms[term] != flags { changes[term, default: []].append((UInt32(id), flags)) }
            for term in oldTerms.keys where newTerms[term] == nil { changes[term, default: []].append((UInt32(id), nil)) }
        }
        // A shard's split depends on every term of its base key: those groups are made again whole.
        let groups = Set(changes.keys.map(SearchShardKeys.baseKey))
        let oldGroupKeys = oldKeys.filter { groups.contains(SearchShardKeys.baseKey($0)) }
        var postings: [Posting] = []
        for key in oldGroupKeys {
            guard let bytes = reuse.intactBytes(SearchShardKeys.file(key)), let shard = Self.postings(ofShard: bytes) else { return nil }
            postings += shard
        }
        var positions: [String: Int] = [:]
        for (position, posting) in postings.enumerated() { positions[posting.term] = position }
        for (term, termChanges) in changes {
            let position = positions[term] ?? postings.count
            if position == postings.count { postings.append(Posting(term: term, ids: [], flags: [])) }
            for change in termChanges { postings[position].set(change.id, flags: change.flags) }
        }
        postings.removeAll { $0.ids.isEmpty }
        let (shards, shardFiles) = shardFiles(postings)
        made += shardFiles
        let replaced = Set(oldGroupKeys)
        made.append(manifestFile(keys: oldKeys.filter { !replaced.contains($0) } + shards.map(\.key)))

        // Every other file of the index stays: the made ones are decided below, and the
        // replaced shards go unless made again.
        let notCarried = Set((made + documents).map(\.path) + oldGroupKeys.map(SearchShardKeys.file))
        guard reuse.carryOver(folders: ["search/docs/", "search/terms/", "search/facets/"], except: notCarried) else { return nil }
        let changedDocuments = zip(changed.sorted(), documents).filter { position, document in
            !reuse.canKeep(document.path, fingerprint: documentFingerprint(position, seed: seed))
        }
        return changedDocuments.map(\.1) + keepingUnchanged(made, reuse: reuse)
    }

    static func keys(ofManifest script: Data) -> [String]? {
        let prefix = Data("window.DIGEST_SEARCH = ".utf8)
        guard script.starts(with: prefix), script.count > prefix.count + 2,
            let manifest = try? JSONSerialization.jsonObject(with: script.dropFirst(prefix.count).dropLast(2)) as? [String: Any],
            let keys = manifest["keys"] as? String
        else { return nil }
        return keys.split(separator: " ").map(String.init)
    }

    /// The postings of a shard script as `shardScript` wrote them.
    static func postings(ofShard script: Data) -> [Posting]? {
        guard let call = SearchScript.arguments(script, call: "DIGEST_SEARCH_SHARD"), call.count == 3,
            let terms = call[1] as? [String], let lists = call[2] as? [String], terms.count == lists.count
        else { return nil }
        var postings: [Posting] = []
        postings.reserveCapacity(terms.count)
        for (term, list) in zip(terms, lists) {
            guard let numbers = SearchScript.numbers(list) else { return nil }
            var posting = Posting(term: term, ids: [], flags: [])
            var id: Int64 = -1
            for number in numbers {
                id += Int64(number >> 3)
                posting.ids.append(UInt32(id))
                posting.flags.append(UInt8(number & 7))
            }
            postings.append(posting)
        }
        return postings
    }
}

extension SearchIndex.Posting {
    /// Gives document `id` the field bits `flags`, or takes it out for nil; ids stay ascending.
    mutating func set(_ id: UInt32, flags newFlags: UInt8?) {
        var low = 0, high = ids.count
        while low < high {
            let middle = (low + high) / 2
            if ids[middle] < id { low = middle + 1 } else { high = middle }
        }
        let present = low < ids.count && ids[low] == id
        switch (present, newFlags) {
        case let (true, value?): flags[low] = value
        case (true, nil):
            ids.remove(at: low)
            flags.remove(at: low)
        case let (false, value?):
            ids.insert(id, at: low)
            flags.insert(value, at: low)
        case (false, nil): break
        }
    }
}
