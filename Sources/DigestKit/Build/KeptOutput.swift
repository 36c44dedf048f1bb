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
    /// The files of `lastBuild` not kept, once `settled()` has worked them out: the commit
    /// asks which recorded files to remove and the manifest which records to drop, and asking
    /// `contains` of every recorded file hashed each path twice.
    private(set) var recordedNotKept: [String]?

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

    mutating func keep(_ list: [String]) {
        files.reserveCapacity(files.count + list.count)
        for file in list { files.insert(file) }
    }

    /// A kept page is found with one look-up in the manifest: the commit asks about every
    /// recorded file, and each look-up hashes the path.
    func contains(_ file: String) -> Bool {
        if keepsRecordedPages, lastBuild[file]?.isPage == true, !pagesNotKept.contains(file) { return true }
        return files.contains(file)
    }

    var count: Int {
        (keepsRecordedPages ? recordedPageCount - pagesNotKept.count : 0) + files.count
    }

    /// These kept files with `recordedNotKept` worked out, for a build that keeps no more.
    /// Pages are told by their record, so only the files kept one by one are looked up.
    func settled() -> KeptOutput {
        var settled = self
        var notKept: [String] = []
        if keepsRecordedPages {
            notKept = pagesNotKept.filter { !files.contains($0) }
            for (file, record) in lastBuild where !record.isPage && !files.contains(file) { notKept.append(file) }
        } else {
            notKept = lastBuild.keys.filter { !files.contains($0) }
        }
        settled.recordedNotKept = notKept
        return settled
    }

    /// For the commit, which removes the output's files neither made nor kept.
    var keptFiles: KeptFiles {
        KeptFiles(count: count, recordedNotKept: recordedNotKept) { [self] in contains($0) }
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
        for file in recordedNotKept ?? settled().recordedNotKept ?? [] { records[file] = nil }
        return records
    }
}
