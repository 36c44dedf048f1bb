import Foundation

/// The files of the output folder as the last build left them, without walking every folder:
/// a rebuild needs the list to remove what is no longer made (and what others put there), and
/// walking the twelve thousand folders of a 10,000-article site took a third of a second.
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
    static let margin = 100_000_000

    /// Now, in nanoseconds since 1970, for `statedAt`: taken before the folders are stamped.
    static func now() -> Int {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int(time.tv_sec) * 1_000_000_000 + Int(time.tv_nsec)
    }

    /// The stamp of every folder that holds one of `files` (paths relative to `output`), the
    /// output folder itself as "". `reusing` gives stamps known to be current (folders `Result.settled` found unchanged that
    /// the build then left alone), which are kept without another look.
    static func folderStamps(of files: some Sequence<String>, in output: String,
                             reusing known: [String: FileStamp] = [:]) -> [String: FileStamp] {
        let list = Array(folders(holding: files))
        let stamps = list.parallelMap { known[$0] ?? FileStamp(folderAt: fullPath(output, $0)) }
        var recorded: [String: FileStamp] = [:]
        recorded.reserveCapacity(list.count)
        for (folder, stamp) in zip(list, stamps) { recorded[folder] = stamp }
        return recorded
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
        var files: Set<String>
        /// Folders found as the last build left them, long enough before it stamped them.
        var settled: Set<String> = []
    }

    /// The regular files below `output`, hidden ones skipped (as `ContentLoader.walk` lists
    /// them), given the files and folder stamps the last build recorded.
    static func files(in output: String, recorded files: some Sequence<String>, folders: [String: FileStamp],
                      statedAt: Int) -> Result {
        var grouped: [String: [String]] = [:]
        for file in files { grouped[OutputFile.folder(of: file), default: []].append(file) }
        let byFolder = grouped
        let list = Array(folders)
        let found = list.parallelMap { folder, stamp -> (files: [String], settled: Bool) in
            let settled = stamp.modified < statedAt - margin && stamp.changed < statedAt - margin
            if settled, FileStamp(folderAt: fullPath(output, folder)) == stamp { return (byFolder[folder] ?? [], true) }
            return (read(folder, in: output, recorded: folders), false)
        }
        return Result(files: Set(found.lazy.flatMap(\.files)),
                      settled: Set(zip(list, found).lazy.filter(\.1.settled).map(\.0.key)))
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
