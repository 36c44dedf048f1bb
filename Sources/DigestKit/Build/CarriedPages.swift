/// The pages `PageReuse.carryOverPages` carried: every page among the last build's records
/// but those in `except`.
struct CarriedPages: Sendable {
    /// All the last build's records, pages and other files, and how many are pages.
    let records: [String: BuildCache.FileRecord]
    let pageCount: Int
    var except: Set<String>

    func contains(_ file: String) -> Bool {
        records[file]?.isPage == true && !except.contains(file)
    }

    var count: Int {
        pageCount - except.lazy.filter { records[$0]?.isPage == true }.count
    }

    /// The records to keep: the carried pages, with `kept` (files kept one by one) added.
    /// Starts from the last build's table, which shares its storage, and takes out the rest.
    func records(keeping kept: [String: BuildCache.FileRecord]) -> [String: BuildCache.FileRecord] {
        var records = self.records
        for (file, record) in self.records where !record.isPage && kept[file] == nil { records[file] = nil }
        for file in except where kept[file] == nil { records[file] = nil }
        records.merge(kept) { _, new in new }
        return records
    }
}
