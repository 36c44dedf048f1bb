/// The last build's files a rebuild leaves as they are: after an edit to bodies only, every
/// recorded page but a few, without listing them (a rebuild keeps nearly every page, and
/// listing and looking up fifteen thousand of them showed); and files kept one by one.
struct KeptOutput: Sendable {
    /// The last build's manifest; everything kept is in it.
    let lastBuild: [String: BuildCache.FileRecord]
    /// Every page in `lastBuild` is kept but those in `pagesNotKept`.
    private(set) var keepsRecordedPages = false
    private(set) var pagesNotKept: Set<String> = []
    private var recordedPageCount = 0
    /// Files kept one by one, all in `lastBuild`.
    private(set) var files: Set<String> = []

    init(lastBuild: [String: BuildCache.FileRecord] = [:]) {
        self.lastBuild = lastBuild
    }

    /// Keeps every recorded page but `except`.
    mutating func keepRecordedPages(except: Set<String>) {
        keepsRecordedPages = true
        pagesNotKept = except.filter { lastBuild[$0]?.isPage == true }
        recordedPageCount = lastBuild.values.lazy.filter(\.isPage).count
    }

    mutating func keep(_ file: String) {
        files.insert(file)
    }

    func contains(_ file: String) -> Bool {
        files.contains(file) || keepsRecordedPages && lastBuild[file]?.isPage == true && !pagesNotKept.contains(file)
    }

    var count: Int {
        (keepsRecordedPages ? recordedPageCount - pagesNotKept.count : 0) + files.count
    }

    /// For the commit, which removes the output's files neither made nor kept.
    var keptFiles: KeptFiles {
        KeptFiles(count: count) { [self] in contains($0) }
    }

    /// The manifest records of the kept files. With the pages kept, starts from the last
    /// build's table, which shares its storage, and takes out the rest.
    var records: [String: BuildCache.FileRecord] {
        guard keepsRecordedPages else {
            var records: [String: BuildCache.FileRecord] = [:]
            records.reserveCapacity(files.count)
            for file in files { records[file] = lastBuild[file] }
            return records
        }
        var records = lastBuild
        for (file, record) in lastBuild where !record.isPage && !files.contains(file) { records[file] = nil }
        for file in pagesNotKept { records[file] = nil }
        return records
    }
}
