import Foundation

extension ContentLoader {
    /// `last` with only what changed loaded again, when `reading` lists the very files `last`
    /// was made from (none added, removed or renamed, no link) and every one of them could be
    /// read; nil otherwise. A file whose stamp stayed is the source it was if that was left
    /// unread: the cache that trusted its stamp then still does, the stamp being no newer.
    /// The others are loaded as `load` loads them.
    ///
    /// Building every path and asking the cache about each showed in the preview's rebuilds;
    /// comparing the entries costs little, as those of folders the watcher did not read again
    /// are the very strings of the last reading.
    func unchanged(
        since last: ContentSnapshot, reading: InputStamps, root: String, trusts: () -> @Sendable (String, FileStamp) -> Bool
    ) -> ContentSnapshot? {
        guard let listed = last.listing, last.diagnostics.isEmpty, listed.entries.count == reading.content.count,
            !reading.content.contains(where: \.isLink), zip(listed.entries, reading.content).allSatisfy({ $0.path == $1.path })
        else { return nil }
        var snapshot = last
        snapshot.listing?.stamps = reading.contentStamps
        var trusted: (@Sendable (String, FileStamp) -> Bool)?
        for (index, position) in listed.sourceOfEntry.enumerated() {
            guard let position else { continue }
            let stamp = reading.contentStamps[index]
            let kept = last.sources[position]
            if kept.unread, let stamp, stamp == listed.stamps[index] { continue }
            if trusted == nil { trusted = trusts() }
            let full = root + "/" + reading.content[index].path
            guard let source = try? Self.source(kept.path, at: full, stamp: stamp, trusted: trusted!) else { return nil }
            snapshot.sources[position] = source
        }
        return snapshot
    }
}

extension ContentSnapshot {
    /// As a session keeps it for the next load (`ContentLoader.unchanged`): the bytes of the
    /// files read let go, as only those left unread are taken as they were.
    var withoutBytes: ContentSnapshot {
        var kept = self
        for index in kept.sources.indices where !kept.sources[index].bytes.isEmpty { kept.sources[index].bytes = Data() }
        return kept
    }
}
