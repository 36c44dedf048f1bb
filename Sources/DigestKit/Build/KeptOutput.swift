import Foundation

/// The last build's files a rebuild leaves as they are: after an edit to bodies only, every
/// recorded page but a few, without listing them (a rebuild keeps nearly every page, and
/// listing and looking up fifteen thousand of them showed); the files of a few folders but a
/// few (the search index's); and files kept one by one.
struct KeptOutput: Sendable {
    /// The last build's manifest; everything kept is in it.
    let lastBuild: [String: BuildCache.FileRecord]
    /// Every page in `lastBuild` is kept but those in `pagesNotKept`.
    private(set) var keepsRecordedPages = false
    private(set) var pagesNotKept: Set<String> = []
    private var recordedPageCount = 0
    /// Files kept one by one, all in `lastBuild`.
    private(set) var files: Set<String> = []
    /// Folders whose recorded files are kept, but a few: the search index keeps its thousands
    /// of documents so, which kept one by one were most of what a rebuild's bookkeeping cost.
    private(set) var folders: [Folder] = []
    /// The recorded files kept by `folders` and not one by one, once `settled()` has counted them.
    private var keptByFolderOnly: Int?
    /// The files of `lastBuild` not kept, once `settled()` has worked them out: the commit
    /// asks which recorded files to remove and the manifest which records to drop, and asking
    /// `contains` of every recorded file hashed each path twice.
    private(set) var recordedNotKept: [String]?
    /// The files of `lastBuild` that are not pages, by folder, when known
    /// (`BuildCache.otherFilesByFolder`): then the pages' records are never gone through.
    let otherFilesByFolder: [String: [String]]?

    init(lastBuild: [String: BuildCache.FileRecord] = [:], otherFilesByFolder: [String: [String]]? = nil) {
        self.lastBuild = lastBuild
        self.otherFilesByFolder = otherFilesByFolder
    }

    /// Keeps every recorded page but `except`.
    mutating func keepRecordedPages(except: Set<String>) {
        keepsRecordedPages = true
        pagesNotKept = except.filter { lastBuild[$0]?.isPage == true }
        recordedPageCount = otherFilesByFolder.map { lastBuild.count - $0.values.reduce(0) { $0 + $1.count } } ?? lastBuild.values.lazy.filter(\.isPage).count
    }

    mutating func keep(_ file: String) {
        files.insert(file)
    }

    mutating func keep(_ list: [String]) {
        files.reserveCapacity(files.count + list.count)
        for file in list { files.insert(file) }
    }

    /// The recorded files directly in a folder, but `except`.
    struct Folder: Sendable, Equatable {
        /// Ends in `/`.
        let path: String
        let except: Set<String>
        /// `path` as bytes, which files are compared with.
        let prefix: [UInt8]

        init(path: String, except: Set<String>) {
            (self.path, self.except, prefix) = (path, except, Array(path.utf8))
        }

        /// Whether `file` is directly in this folder (not in a subfolder), told by its bytes.
        func holds(_ file: String) -> Bool {
            var file = file
            return file.withUTF8 { bytes in
                guard bytes.count > prefix.count else { return false }
                let starts = prefix.isEmpty || prefix.withUnsafeBufferPointer { memcmp(bytes.baseAddress!, $0.baseAddress!, prefix.count) == 0 }
                return starts && !bytes[prefix.count...].contains(UInt8(ascii: "/"))
            }
        }

        func keeps(_ file: String) -> Bool { holds(file) && !except.contains(file) }
    }

    mutating func keepRecordedFiles(in folders: [Folder]) {
        self.folders += folders
        keptByFolderOnly = nil
    }

    private func keptByFolder(_ file: String) -> Bool {
        folders.contains { $0.keeps(file) }
    }

    /// A kept page is found with one look-up in the manifest: the commit asks about every
    /// recorded file, and each look-up hashes the path.
    func contains(_ file: String) -> Bool {
        if keepsRecordedPages, lastBuild[file]?.isPage == true, !pagesNotKept.contains(file) { return true }
        return files.contains(file) || !folders.isEmpty && lastBuild[file] != nil && keptByFolder(file)
    }

    var count: Int {
        let byFolder = folders.isEmpty ? 0 : keptByFolderOnly ?? lastBuild.keys.count { keptByFolder($0) && !files.contains($0) }
        return (keepsRecordedPages ? recordedPageCount - pagesNotKept.count : 0) + files.count + byFolder
    }

    /// These kept files with `recordedNotKept` worked out, for a build that keeps no more.
    /// Pages are told by their record, so only the files kept one by one are looked up.
    func settled() -> KeptOutput {
        var settled = self
        var notKept: [String] = []
        var byFolder = 0
        if keepsRecordedPages {
            notKept = pagesNotKept.filter { !files.contains($0) }
            // A kept folder's files are told by their path alone (no hashing), or counted whole
            // when grouped by folder; the few excepted, and any also kept one by one, are set
            // right after.
            if let otherFilesByFolder {
                let keptFolders = Set(folders.map { String($0.path.dropLast()) })
                for (folder, others) in otherFilesByFolder {
                    if keptFolders.contains(folder) {
                        byFolder += others.count
                    } else {
                        for file in others where !files.contains(file) { notKept.append(file) }
                    }
                }
            } else {
                for (file, record) in lastBuild where !record.isPage {
                    if folders.contains(where: { $0.holds(file) }) {
                        byFolder += 1
                    } else if !files.contains(file) {
                        notKept.append(file)
                    }
                }
            }
            for folder in folders {
                for file in folder.except where lastBuild[file]?.isPage == false && folder.holds(file) {
                    byFolder -= 1
                    if !files.contains(file) { notKept.append(file) }
                }
            }
            byFolder -= files.count { lastBuild[$0]?.isPage == false && keptByFolder($0) }
        } else {
            notKept = lastBuild.keys.filter { !files.contains($0) && !keptByFolder($0) }
            byFolder = folders.isEmpty ? 0 : lastBuild.keys.count { keptByFolder($0) && !files.contains($0) }
        }
        settled.recordedNotKept = notKept
        settled.keptByFolderOnly = byFolder
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
            if !folders.isEmpty {
                for (file, record) in lastBuild where keptByFolder(file) { records[file] = record }
            }
            return records
        }
        var records = lastBuild
        for file in recordedNotKept ?? settled().recordedNotKept ?? [] { records[file] = nil }
        return records
    }
}
