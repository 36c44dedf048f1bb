import Foundation

/// Decides, file by file, whether a rebuild can keep what the last build wrote: it can when the
/// file's fingerprint (everything it is made from) is the one recorded then, and the file on
/// disk is still the one that build left. Gathers this build's fingerprints for the next one.
public final class PageReuse: @unchecked Sendable {
    private let previous: [String: BuildCache.FileRecord]
    private let output: String?
    private let lock = NSLock()
    private var fingerprints: [String: UInt64] = [:]
    private var kept: [String: BuildCache.FileRecord] = [:]

    /// The last build's `Site.structureFingerprint`; see `bodiesOnly`.
    private let previousStructure: UInt64?
    /// This build's, for the cache.
    public private(set) var structure: UInt64?

    /// Whether every file the last build wrote is still as it left it. Checked on another
    /// thread from the start, while the build parses and indexes on this one.
    private let outputsIntact: Background<Bool>?

    /// `previous` is empty for a full build, which then only records fingerprints.
    init(previous: [String: BuildCache.FileRecord] = [:], previousStructure: UInt64? = nil, output: URL? = nil) {
        self.previous = previous
        self.previousStructure = previousStructure
        let folder = output?.path
        self.output = folder
        outputsIntact = previous.isEmpty || folder == nil || previousStructure == nil ? nil : Background {
            !Array(previous).parallelMap { FileStamp(path: folder! + "/" + $0.key) == $0.value.stamp }.contains(false)
        }
    }

    /// True when only article bodies can have changed since the last build: the site's
    /// structure (every article's fields and place, the settings, the templates) is the same,
    /// and every file that build wrote is still as it left it. Then only the pages that show a
    /// changed body need a look; every other page's context, and so its bytes, are the same.
    func bodiesOnly(structure: UInt64) -> Bool {
        self.structure = structure
        guard structure == previousStructure, let outputsIntact else { return false }
        return outputsIntact.value
    }

    /// Keeps a file of the last build without looking at its inputs (see `bodiesOnly`).
    func carryOver(_ file: String) -> Bool {
        guard let record = previous[file] else { return false }
        lock.withLock {
            fingerprints[file] = record.fingerprint
            kept[file] = record
        }
        return true
    }

    /// Records `file`'s fingerprint; true when the file may be left as it is on disk.
    func canKeep(_ file: String, fingerprint: UInt64) -> Bool {
        var keep = false
        if let record = previous[file], record.fingerprint == fingerprint, let output {
            keep = FileStamp(path: output + "/" + file) == record.stamp
        }
        lock.withLock {
            fingerprints[file] = fingerprint
            if keep { kept[file] = previous[file] }
        }
        return keep
    }

    /// Files left untouched because their fingerprint had not changed.
    public var keptFiles: Set<String> { lock.withLock { Set(kept.keys) } }

    /// What the cache should remember of this build's files, once they are in the output
    /// folder: kept files as they were, the others as they are now.
    func records(in output: URL) -> [String: BuildCache.FileRecord] {
        let (fingerprints, kept) = lock.withLock { (self.fingerprints, self.kept) }
        let written = fingerprints.keys.filter { kept[$0] == nil }
        let folder = output.path
        let stamps = written.parallelMap { FileStamp(path: folder + "/" + $0) }
        var records = kept
        for (file, stamp) in zip(written, stamps) {
            if let stamp { records[file] = BuildCache.FileRecord(fingerprint: fingerprints[file]!, stamp: stamp) }
        }
        return records
    }
}
