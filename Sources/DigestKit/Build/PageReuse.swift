import Foundation

/// Decides, file by file, whether a rebuild can keep what the last build wrote: it can when the
/// file's fingerprint (everything it is made from) is the one recorded then, and the file on
/// disk is still the one that build left. Gathers this build's fingerprints for the next one.
public final class PageReuse: @unchecked Sendable {
    private let previous: [String: BuildCache.FileRecord]
    private let lock = NSLock()
    /// Files this build renders, with their fingerprints; those it keeps are in `kept`.
    private var fingerprints: [String: UInt64] = [:]
    private var kept: [String: BuildCache.FileRecord] = [:]

    /// The last build's `Site.structureFingerprint`; see `bodiesOnly`.
    private let previousStructure: UInt64?
    /// This build's, for the cache.
    public private(set) var structure: UInt64?

    /// The files of the last build still as it left them (same stat stamp). Checked on another
    /// thread from the start, while the build parses and indexes on this one.
    private let intact: Background<Set<String>>?

    /// `previous` is empty for a full build, which then only records fingerprints.
    init(previous: [String: BuildCache.FileRecord] = [:], previousStructure: UInt64? = nil, output: URL? = nil) {
        self.previous = previous
        self.previousStructure = previousStructure
        guard let folder = output?.path, !previous.isEmpty else {
            intact = nil
            return
        }
        intact = Background {
            let records = Array(previous)
            let same = records.parallelMap { FileStamp(path: folder + "/" + $0.key) == $0.value.stamp }
            return Set(zip(records, same).filter(\.1).map(\.0.key))
        }
    }

    /// True when only article bodies can have changed since the last build: the site's
    /// structure (every article's fields and place, the settings, the templates) is the same,
    /// and every file that build wrote is still as it left it. Then only the pages that show a
    /// changed body need a look; every other page's context, and so its bytes, are the same.
    func bodiesOnly(structure: UInt64) -> Bool {
        self.structure = structure
        guard structure == previousStructure, let intact else { return false }
        return intact.value.count == previous.count
    }

    /// Keeps a file of the last build without looking at its inputs (see `bodiesOnly`).
    func carryOver(_ file: String) -> Bool {
        guard let record = previous[file], intact?.value.contains(file) == true else { return false }
        lock.withLock { kept[file] = record }
        return true
    }

    /// `carryOver` for many files at once, when `bodiesOnly` has found every file intact:
    /// one lock instead of one per page, which showed in one-edit rebuilds. Returns whether
    /// each file was carried over (those the last build did not record were not).
    func carryOver(_ files: [String]) -> [Bool] {
        lock.withLock {
            // Sized once: growing the table by doubling showed in one-edit rebuilds.
            kept.reserveCapacity(kept.count + files.count)
            return files.map { file in
                guard let record = previous[file] else { return false }
                kept[file] = record
                return true
            }
        }
    }

    /// Records `file`'s fingerprint; true when the file may be left as it is on disk.
    func canKeep(_ file: String, fingerprint: UInt64) -> Bool {
        let record = previous[file]
        let keep = record?.fingerprint == fingerprint && intact?.value.contains(file) == true
        lock.withLock {
            if keep { kept[file] = record } else { fingerprints[file] = fingerprint }
        }
        return keep
    }

    /// Files left untouched because their fingerprint had not changed.
    public var keptFiles: Set<String> { lock.withLock { Set(kept.keys) } }

    /// What the cache should remember of this build's files, once they are in the output
    /// folder: kept files as they were, the others as they are now.
    func records(in output: URL) -> [String: BuildCache.FileRecord] {
        let (fingerprints, kept) = lock.withLock { (self.fingerprints, self.kept) }
        let written = Array(fingerprints.keys)
        let folder = output.path
        let stamps = written.parallelMap { FileStamp(path: folder + "/" + $0) }
        var records = kept
        for (file, stamp) in zip(written, stamps) {
            if let stamp { records[file] = BuildCache.FileRecord(fingerprint: fingerprints[file]!, stamp: stamp) }
        }
        return records
    }
}
