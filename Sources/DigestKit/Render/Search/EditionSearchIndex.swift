import Foundation

/// One language's search index on a site in several languages: the edition's articles alone
/// (searching the Chinese pages finds Chinese articles), written under its folder
/// (`zh/search/…`). `SearchIndex` itself knows no editions: it makes `search/…` files for the
/// edition's site, and their paths, and what it asks of the last build, are moved here.
struct EditionSearchIndex: Sendable {
    /// The whole site, whose positions `changedBodies` are given in.
    let site: Site
    /// The edition, as a site of its own (`Site.editionSite`).
    let edition: Site
    /// The edition's words (`SearchIndex.words`).
    let words: Localization

    func outputFiles(
        reuse: (any SearchIndexReuse)?, seed: UInt64, changedBodies: Set<Int>?, into sink: @Sendable (OutputFile) throws -> Void
    ) throws {
        let index = SearchIndex(site: edition, words: words)
        let folder = edition.prefix.folder
        guard !folder.isEmpty else { return try index.outputFiles(reuse: reuse, seed: seed, changedBodies: changedBodies, into: sink) }
        let range = site.editions[edition.edition].articles
        let changed = changedBodies.map { Set($0.filter(range.contains).map { $0 - range.lowerBound }) }
        try index.outputFiles(reuse: reuse.map { InFolder(folder: folder, reuse: $0) }, seed: seed, changedBodies: changed) { file in
            try sink(OutputFile(path: folder + file.path, content: file.content))
        }
    }

    /// The last build's answers about `folder` + a file.
    private struct InFolder: SearchIndexReuse {
        let folder: String
        let reuse: any SearchIndexReuse

        func canKeep(_ file: String, fingerprint: UInt64) -> Bool { reuse.canKeep(folder + file, fingerprint: fingerprint) }
        func carryOver(folders: [String], except: Set<String>) -> Bool {
            reuse.carryOver(folders: folders.map { folder + $0 }, except: Set(except.map { folder + $0 }))
        }
        func intactBytes(_ file: String) -> Data? { reuse.intactBytes(folder + file) }
    }
}
