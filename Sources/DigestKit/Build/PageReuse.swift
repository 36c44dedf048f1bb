import Foundation

/// Decides, file by file, whether a rebuild can keep what the last build wrote: it can when the
/// file's fingerprint (everything it is made from) is the one recorded then, and the file on
/// disk is still the one that build left. Gathers this build's fingerprints for the next one.
public final class PageReuse: @unchecked Sendable {
    private let previous: [String: BuildCache.FileRecord]
    private let output: URL?
    private let lock = NSLock()
    private var fingerprints: [String: UInt64] = [:]
    private var kept: [String: BuildCache.FileRecord] = [:]

    /// `previous` is empty for a full build, which then only records fingerprints.
    init(previous: [String: BuildCache.FileRecord] = [:], output: URL? = nil) {
        self.previous = previous
        self.output = output
    }

    /// Records `file`'s fingerprint; true when the file may be left as it is on disk.
    func canKeep(_ file: String, fingerprint: UInt64) -> Bool {
        var keep = false
        if let record = previous[file], record.fingerprint == fingerprint, let output {
            keep = FileStamp(path: output.appendingPathComponent(file).path) == record.stamp
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
        let stamps = written.parallelMap { FileStamp(path: output.appendingPathComponent($0).path) }
        var records = kept
        for (file, stamp) in zip(written, stamps) {
            if let stamp { records[file] = BuildCache.FileRecord(fingerprint: fingerprints[file]!, stamp: stamp) }
        }
        return records
    }
}
