import Foundation
import Synchronization

/// What a rebuild needs to know of the output folder it updates, found in one pass: which files
/// the last build recorded are no longer as it left them (for `RenderPlan`), and which files the
/// folder holds (`OutputListing`). The pass starts at once beside the build (`SharedWork`); as
/// two passes, on a two-core machine the second queued behind the first.
final class OutputCheck: Sendable {
    struct Found: Sendable {
        /// Recorded files with another stamp now, or gone.
        var altered: Set<String>
        var listing: OutputListing.Result
    }

    private enum Look: Sendable {
        case file(intact: Bool)
        case folder([String]?)
    }

    private let paths: [String]
    private let folders: [String]
    private let folderTable: [String: FileStamp]
    private let looks: SharedWork<Look>?
    private let walk: @Sendable () -> Set<String>
    private let found: Mutex<Found?>

    /// `output` is the folder; `files` and their `stamps` (in the same order) and `folders`
    /// what the last build recorded of it, its folders stamped at `statedAtNanoseconds`. Without folder
    /// stamps the folder is walked (`walk`).
    init(
        output: String, files paths: [String], stamps: [FileStamp], folders: [String: FileStamp], statedAtNanoseconds: Int,
        walk: @escaping @Sendable () -> Set<String>
    ) {
        // Paths and stamps in two arrays, read by index: handing each worker a (path, record)
        // pair copied it through the runtime's generic tuple copy, which showed.
        let (folderList, folderStamps) = (Array(folders.keys), Array(folders.values))
        let root = OpenFolder(output)
        self.paths = paths
        self.folders = folderList
        folderTable = folders
        self.walk = walk
        found = Mutex(nil)
        looks = SharedWork(count: paths.count + folderList.count) { index -> Look in
            guard index >= paths.count else {
                return .file(intact: root.flatMap { FileStamp(paths[index], in: $0) } == stamps[index])
            }
            let folder = index - paths.count
            return .folder(
                OutputListing.look(
                    at: folderList[folder], stamp: folderStamps[folder], root: root,
                    output: output, recorded: folders, statedAtNanoseconds: statedAtNanoseconds))
        }
    }

    /// The output as the last build left it, without a look: none of the recorded `files` is
    /// altered and every recorded folder is settled.
    init(asLeftWith files: [String], folders: [String: FileStamp]) {
        paths = files
        self.folders = Array(folders.keys)
        folderTable = folders
        walk = { Set(files) }
        looks = nil
        found = Mutex(Found(altered: [], listing: OutputListing.Result(found: [], recorded: files, folders: folders, unsettled: [])))
    }

    /// Waits for the pass (helping with what is left of it) the first time.
    var value: Found {
        if let found = found.withLock({ $0 }) { return found }
        guard let looks else { preconditionFailure("made with its result") }
        var altered = Set<String>()
        var listed: [[String]?] = []
        listed.reserveCapacity(folders.count)
        for (index, look) in looks.value.enumerated() {
            switch look {
            case let .file(intact): if !intact { altered.insert(paths[index]) }
            case let .folder(files): listed.append(files)
            }
        }
        let listing =
            folders.isEmpty
            ? OutputListing.Result(files: walk())
            : OutputListing.result(folders: folders, found: listed, recorded: paths, table: folderTable)
        let made = Found(altered: altered, listing: listing)
        found.withLock { $0 = made }
        return made
    }
}
