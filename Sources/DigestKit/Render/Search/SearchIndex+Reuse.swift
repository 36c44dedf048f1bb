import Foundation

extension SearchIndex {
    /// The index files a build must write; with `reuse`, the others are kept as the last build
    /// left them. A document is kept by what it is made of (`documentFingerprint`), so an
    /// unchanged article's body is never parsed again; the other files by their bytes.
    ///
    /// `changedBodies`: the positions of the only articles that can differ from the last
    /// build's, and then only in their bodies (see `updatedFiles`).
    ///
    /// Each file is handed to `sink`, from any thread.
    func outputFiles(reuse: (any SearchIndexReuse)?, seed: UInt64, changedBodies: Set<Int>?, into sink: @Sendable (OutputFile) throws -> Void) throws {
        guard let reuse else { return try files(into: sink) }
        if let changedBodies, let files = updatedFiles(changed: changedBodies, reuse: reuse, seed: seed) {
            for file in files { try sink(file) }
            return
        }
        let count = site.articles.count
        let kept = Array(site.articles.indices).parallelMap { position in
            reuse.canKeep(SearchDocument.file(count - 1 - position), fingerprint: documentFingerprint(position, seed: seed))
        }
        // No document to keep (a first build, or new settings): made as a build without records
        // makes them, handed over as they come rather than held until the last is made.
        guard kept.contains(true) else { return try files(keepingUnchangedOf: reuse, into: sink) }
        for file in filesNotKept(kept: kept, reuse: reuse) { try sink(file) }
    }

    private func filesNotKept(kept: [Bool], reuse: any SearchIndexReuse) -> [OutputFile] {
        let count = site.articles.count
        let fresh = site.articles.indices.filter { !kept[$0] }
        let made = fresh.parallelMap { SearchDocument(id: count - 1 - $0, placed: site.articles[$0], site: site) }
        var files = made.map(\.file)
        // The kept documents' terms are in the last build's shards, unless too few were kept
        // for reading those back to pay (or they are not as that build left them).
        let postings = fresh.count * 4 < count ? keptPostings(keptIDs: keptIDs(kept), reuse: reuse, adding: made) : nil
        let (shards, shardFiles) = shardFiles(postings ?? Self.postings(allDocuments(keeping: made)))
        files += keepingUnchanged(shardFiles + facets().map(\.file) + [manifestFile(keys: shards.map(\.key))], reuse: reuse)
        return files
    }

    /// Stands for everything a document's script holds: its number, its source (and so its
    /// body, given `seed`, which covers the settings it is parsed with) and the site-wide
    /// values shown with it (section, tag and speaker names, address).
    func documentFingerprint(_ position: Int, seed: UInt64) -> UInt64 {
        let placed = site.articles[position]
        let article = placed.article
        var hasher = StableHasher()
        hasher.combine(seed)
        hasher.combine(site.articles.count - 1 - position)
        hasher.combine(article.sourceHash)
        hasher.combine(article.sourceSize)
        hasher.combine(site.searchAddress(placed.path))
        hasher.combine(site.sections[placed.sectionIndex].name)
        for name in placed.tagIndices.map({ site.tags[$0].name }) + ["\u{0}"] + placed.speakerIndices.map({ site.speakers[$0].name }) {
            hasher.combine(name)
        }
        return hasher.finalize()
    }

    /// Files whose bytes are not what the last build wrote.
    func keepingUnchanged(_ files: [OutputFile], reuse: any SearchIndexReuse) -> [OutputFile] {
        files.filter { file in
            guard case let .bytes(data) = file.content else { return true }
            return !reuse.canKeep(file.path, fingerprint: StableHasher.hash(data))
        }
    }

    private func keptIDs(_ kept: [Bool]) -> Set<UInt32> {
        var ids = Set<UInt32>()
        for (position, isKept) in kept.enumerated() where isKept { ids.insert(UInt32(kept.count - 1 - position)) }
        return ids
    }

    /// The last build's postings of the kept documents, with `made`'s added; nil when a shard
    /// cannot be read back.
    private func keptPostings(keptIDs: Set<UInt32>, reuse: any SearchIndexReuse, adding made: [SearchDocument]) -> [Posting]? {
        guard let manifest = reuse.intactBytes(Self.file), let keys = Self.keys(ofManifest: manifest) else { return nil }
        var postings: [Posting] = []
        for key in keys {
            guard let bytes = reuse.intactBytes(SearchShardKeys.file(key)), let shard = Self.postings(ofShard: bytes) else { return nil }
            for var posting in shard {
                let keep = posting.ids.map(keptIDs.contains)
                if keep.contains(false) {
                    posting.ids = zip(posting.ids, keep).filter(\.1).map(\.0)
                    posting.flags = zip(posting.flags, keep).filter(\.1).map(\.0)
                }
                postings.append(posting)
            }
        }
        var positions: [String: Int] = [:]
        for (position, posting) in postings.enumerated() { positions[posting.term] = position }
        for document in made {
            for (term, flags) in document.terms.list {
                let position = positions[term] ?? postings.count
                if position == postings.count {
                    positions[term] = position
                    postings.append(Posting(term: term, ids: [], flags: []))
                }
                postings[position].set(UInt32(document.id), flags: flags)
            }
        }
        return postings.filter { !$0.ids.isEmpty }
    }

    /// Every document, oldest first: `made` as they are, the others made again (their bodies
    /// parsed again, for a cached article).
    private func allDocuments(keeping made: [SearchDocument]) -> [SearchDocument] {
        let count = site.articles.count
        let byID = Dictionary(made.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let all = Array(site.articles.indices).parallelMap { position in
            byID[count - 1 - position] ?? SearchDocument(id: count - 1 - position, placed: site.articles[position], site: site)
        }
        return all.reversed()
    }
}
