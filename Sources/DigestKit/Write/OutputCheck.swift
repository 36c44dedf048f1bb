/// What a rebuild needs to know of the output folder it updates, found in one pass on every
/// core: which files the last build recorded are no longer as it left them (for `PageReuse`),
/// and which files the folder holds (`OutputListing`). As two passes, on a two-core machine the
/// second queued behind the first, and a one-edit rebuild waited for both in turn.
struct OutputCheck: Sendable {
    /// Recorded files with another stamp now, or gone.
    var altered: Set<String>
    var listing: OutputListing.Result

    /// `output` is the folder; `files` and `folders` what the last build recorded of it, its
    /// folders stamped at `statedAt`. Without folder stamps the folder is walked (`walk`).
    init(output: String, files: [String: BuildCache.FileRecord], folders: [String: FileStamp], statedAt: Int,
         walk: () -> Set<String>) {
        // Paths and stamps apart, by index: handing each worker a (path, record) pair copied
        // it through the runtime's generic tuple copy, which showed.
        let (paths, records) = (Array(files.keys), Array(files.values))
        let (folderList, folderStamps) = (Array(folders.keys), Array(folders.values))
        let root = OpenFolder(output)
        enum Look: Sendable {
            case file(intact: Bool)
            case folder([String]?)
        }
        let looks = Array(0..<(paths.count + folderList.count)).parallelMap { index -> Look in
            guard index >= paths.count else {
                return .file(intact: root.flatMap { FileStamp(paths[index], in: $0) } == records[index].stamp)
            }
            let folder = index - paths.count
            return .folder(OutputListing.look(at: folderList[folder], stamp: folderStamps[folder], root: root,
                                              output: output, recorded: folders, statedAt: statedAt))
        }
        var altered = Set<String>()
        var found: [[String]?] = []
        found.reserveCapacity(folderList.count)
        for (index, look) in looks.enumerated() {
            switch look {
            case let .file(intact): if !intact { altered.insert(paths[index]) }
            case let .folder(files): found.append(files)
            }
        }
        self.altered = altered
        listing = folders.isEmpty ? OutputListing.Result(files: walk())
            : OutputListing.result(folders: folderList, found: found, recorded: paths)
    }
}
