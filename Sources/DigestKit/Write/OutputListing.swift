import Foundation

/// The files of the output folder as the last build left them, without walking every folder:
/// a rebuild needs the list to remove what is no longer made (and what others put there), and
/// walking every folder of a large site's output would cost more than the rest of a one-edit
/// rebuild.
///
/// The cache keeps each output folder's stamp, taken after the build's last change. A folder
/// still with that stamp holds what it held then: adding, removing or renaming an entry moves a
/// folder's times. Only folders with another stamp are read, and folders new since are walked.
/// File times are coarse (a clock tick, a few milliseconds), so a folder changed shortly
/// before its stamp was taken is read all the same: a change in the same tick after the stamp
/// would not move it.
enum OutputListing {
    /// How recent a recorded folder time may be, before the stamps were taken, and still be
    /// trusted: well above any clock tick.
    static let marginNanoseconds = 100_000_000

    /// Now, in nanoseconds since 1970, for `statedAtNanoseconds`: taken before the folders are stamped.
    static func nowNanoseconds() -> Int {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int(time.tv_sec) * 1_000_000_000 + Int(time.tv_nsec)
    }

    /// The stamp of every folder that holds one of `files` (paths relative to `output`), the
    /// output folder itself as "".
    static func folderStamps(of files: some Sequence<String>, in output: String) -> [String: FileStamp] {
        let list = Array(folders(holding: files))
        let root = OpenFolder(output)
        let stamps = list.parallelMap { folder in root.flatMap { FileStamp(folder: folder, in: $0) } }
        var recorded: [String: FileStamp] = [:]
        recorded.reserveCapacity(list.count)
        for (folder, stamp) in zip(list, stamps) { recorded[folder] = stamp }
        return recorded
    }

    /// `folderStamps` from the last table: only the folders in `restamping` are stamped again
    /// (those a listing did not find settled, those the build moved files into or out of, and
    /// the folders of files new to the manifest), and those of them that are gone leave the
    /// table. Working out the folders of every file was most of a rebuild's save. A folder
    /// left in the table that no longer holds a recorded file costs the next build one look.
    static func restamped(_ recorded: [String: FileStamp], restamping: some Sequence<String>, in output: String) -> [String: FileStamp] {
        let restamping = Set(restamping).sorted()
        let root = OpenFolder(output)
        let stamps = restamping.parallelMap { folder in root.flatMap { FileStamp(folder: folder, in: $0) } }
        var folders = recorded
        for (folder, stamp) in zip(restamping, stamps) { folders[folder] = stamp }
        return folders
    }

    /// The folders holding `files` and all their parents, the output itself as "".
    static func folders(holding files: some Sequence<String>) -> Set<String> {
        var folders: Set<String> = [""]
        for file in files {
            var folder = OutputFile.folder(of: file)
            // A folder already in the set has its parents in it too.
            while !folder.isEmpty, folders.insert(folder).inserted { folder = OutputFile.folder(of: folder) }
        }
        return folders
    }

    struct Result: Sendable {
        /// Files read from folders that changed, or every file when nothing was recorded.
        var found: [String]
        /// What the last build recorded; those in settled folders are there still.
        var recorded: [String] = []
        /// The recorded folders; those not in `unsettled` were found as the last build left
        /// them, long enough before it stamped them. The others were read, as they may have
        /// changed. Asked about, not gathered into a set of settled folders: a rebuild finds
        /// nearly every folder settled, and hashing them all showed.
        var folders: [String: FileStamp] = [:]
        private(set) var unsettled: [String] = []
        private var unsettledSet: Set<String> = []

        init(files: Set<String>) {
            found = Array(files)
        }

        init(found: [String], recorded: [String], folders: [String: FileStamp], unsettled: [String]) {
            self.found = found
            self.recorded = recorded
            self.folders = folders
            self.unsettled = unsettled
            unsettledSet = Set(unsettled)
        }

        func isSettled(_ folder: String) -> Bool {
            folders[folder] != nil && !unsettledSet.contains(folder)
        }

        /// The settled folders, gathered: what `isSettled` says of each, for the tests.
        var settled: Set<String> {
            Set(folders.keys.lazy.filter(isSettled))
        }

        /// The files listed that `keep` does not claim. A rebuild keeps nearly every file, so
        /// the folder of a recorded file is worked out only for the few it does not keep:
        /// grouping every file by folder showed in one-edit rebuilds. `candidates`, when
        /// given, are the recorded files `keep` may not claim (`KeptFiles.recordedNotKept`):
        /// only they are asked about.
        func files(notKeptBy keep: (String) -> Bool, amongRecorded candidates: [String]? = nil) -> [String] {
            found.filter { !keep($0) } + (candidates ?? recorded).filter { !keep($0) && isSettled(OutputFile.folder(of: $0)) }
        }
    }

    /// The regular files below `output`, hidden ones skipped (as `ContentLoader.walk` lists
    /// them), given the files and folder stamps the last build recorded.
    static func files(
        in output: String, recorded files: some Sequence<String>, folders: [String: FileStamp],
        statedAtNanoseconds: Int
    ) -> Result {
        // By index: handing each worker a (folder, stamp) pair copied it through the runtime's
        // generic tuple copy.
        let (list, stamps) = (Array(folders.keys), Array(folders.values))
        let root = OpenFolder(output)
        let found = Array(list.indices).parallelMap { index in
            look(at: list[index], stamp: stamps[index], root: root, output: output, recorded: folders, statedAtNanoseconds: statedAtNanoseconds)
        }
        return result(folders: list, found: found, recorded: files, table: folders)
    }

    /// One recorded folder: nil when it is as the last build left it (and was stamped well
    /// after), else the files in it and below its new subfolders.
    static func look(
        at folder: String, stamp: FileStamp, root: OpenFolder?, output: String,
        recorded folders: [String: FileStamp], statedAtNanoseconds: Int
    ) -> [String]? {
        let settled =
            stamp.modifiedNanoseconds < statedAtNanoseconds - marginNanoseconds
            && stamp.changedNanoseconds < statedAtNanoseconds - marginNanoseconds
        if settled, let root, FileStamp(folder: folder, in: root) == stamp { return nil }
        return read(folder, in: output, recorded: folders)
    }

    /// The listing from what `look` found in each of `folders`.
    /// `table` is the recorded folders with their stamps, `list` its keys in the order `found` follows.
    static func result(folders list: [String], found: [[String]?], recorded files: some Sequence<String>, table: [String: FileStamp]) -> Result {
        Result(
            found: found.flatMap { $0 ?? [] }, recorded: Array(files), folders: table,
            unsettled: list.indices.filter { found[$0] != nil }.map { list[$0] })
    }

    /// A folder that changed: its files, and every file below the folders in it that are new.
    private static func read(_ folder: String, in output: String, recorded: [String: FileStamp]) -> [String] {
        let prefix = folder.isEmpty ? "" : folder + "/"
        let (files, subfolders) = ContentLoader.folderEntries(fullPath(output, folder))
        var found = files.map { prefix + $0.path }
        for name in subfolders where recorded[prefix + name] == nil {
            found += ContentLoader.walk(URL(fileURLWithPath: fullPath(output, prefix + name))).map { prefix + name + "/" + $0 }
        }
        return found
    }

    private static func fullPath(_ output: String, _ relative: String) -> String {
        relative.isEmpty ? output : output + "/" + relative
    }
}
