import Foundation

/// Decides, file by file, whether a rebuild can keep what the last build wrote: it can when the
/// file's fingerprint (everything it is made from) is the one recorded then, and the file on
/// disk is still the one that build left. Gathers this build's fingerprints for the next one.
public final class PageReuse: @unchecked Sendable {
    private let previous: [String: BuildCache.FileRecord]
    private let lock = NSLock()
    /// Files this build renders, with their fingerprints; those it keeps are in `kept`, or,
    /// for pages carried over in one go, in `carried`.
    private var fingerprints: [String: (fingerprint: UInt64, isPage: Bool)] = [:]
    private var kept: [String: BuildCache.FileRecord] = [:]
    private var carried: CarriedPages?

    /// The last build's `Site.structureFingerprint` and its basis; see `bodiesOnly`.
    private let previousStructure: UInt64?
    private let previousStructureBasis: UInt64?
    /// This build's, for the cache.
    public private(set) var structure: UInt64?
    private(set) var structureBasis: UInt64 = 0

    /// The files of the last build no longer as it left them (another stat stamp, or gone):
    /// checked on other threads from the start (`OutputCheck`), while the build parses,
    /// indexes and renders, and waited for when first asked.
    private let alteredFiles: (@Sendable () -> Set<String>)?

    /// `previous` is empty for a full build, which then only records fingerprints. `altered`
    /// gives the recorded files altered since (see `OutputCheck`).
    init(previous: [String: BuildCache.FileRecord] = [:], previousStructure: UInt64? = nil, previousStructureBasis: UInt64? = nil,
         altered: (@Sendable () -> Set<String>)? = nil) {
        self.previous = previous
        self.previousStructure = previousStructure
        self.previousStructureBasis = previousStructureBasis
        alteredFiles = previous.isEmpty ? nil : altered
    }

    private var altered: Set<String>? { alteredFiles?() }

    /// Whether `file` is on disk as the last build left it; waits for the check.
    private func isIntact(_ file: String) -> Bool {
        guard let altered else { return false }
        return !altered.contains(file)
    }

    /// True when only article bodies can have changed since the last build: the site's
    /// structure (every article's fields and place, the settings, the templates) is the same.
    /// Then only the pages that show a changed body need a look; every other page's context,
    /// and so its bytes, are the same, and its file is kept if still as that build left it.
    ///
    /// `structure` works the fingerprint out; it is not called when the layout is the last
    /// build's (`keptLayout`) and `basis` is the same: every article is then the same outside
    /// its body, so the fingerprint is the one that build worked out.
    func bodiesOnly(basis: UInt64, keptLayout: Bool, structure: () -> UInt64) -> Bool {
        structureBasis = basis
        let structure = keptLayout && basis == previousStructureBasis ? previousStructure ?? structure() : structure()
        self.structure = structure
        return structure == previousStructure && alteredFiles != nil
    }

    /// The output folder the last build wrote, for `intactBytes`; nil where none is read back.
    var output: URL?

    /// The files the last build recorded under `folder` (which ends in `/`).
    func recordedFiles(under folder: String) -> [String] {
        previous.keys.filter { $0.hasPrefix(folder) }
    }

    /// Whether the last build recorded `file` and it is still as that build left it.
    func isKeptIntact(_ file: String) -> Bool {
        previous[file] != nil && isIntact(file)
    }

    /// The bytes of a file as the last build wrote it, when it is still so: for outputs that
    /// are brought up to date rather than made afresh (the search index's shards).
    func intactBytes(_ file: String) -> Data? {
        guard let output, isKeptIntact(file) else { return nil }
        return try? Data(contentsOf: output.appendingPathComponent(file))
    }

    /// Keeps a file of the last build without looking at its inputs (see `bodiesOnly`), if it
    /// is still as that build left it.
    func carryOver(_ file: String) -> Bool {
        guard let record = previous[file], isIntact(file) else { return false }
        lock.withLock { kept[file] = record }
        return true
    }

    /// Carries over every page the last build recorded but those in `except`, without a look
    /// at each: for a rebuild in which only bodies changed (`bodiesOnly`), whose pages are the
    /// last build's, all `pageCount` of them. Looking each page up and keeping it one by one
    /// was a tenth of a one-edit rebuild. False, and nothing carried, when the last build did
    /// not record that many pages. It does not wait for the check of the output, which then
    /// runs on beside the rendering: `takeBackAlteredPages()` gives back the pages found altered.
    func carryOverPages(except: Set<String>, pageCount: Int) -> Bool {
        guard alteredFiles != nil, previous.values.lazy.filter(\.isPage).count == pageCount else { return false }
        let pages = CarriedPages(records: previous, pageCount: pageCount, except: except)
        lock.withLock { carried = pages }
        return true
    }

    /// The pages carried by `carryOverPages` that the check of the output found altered: they
    /// are no longer kept, and must be made again. Waits for the check.
    func takeBackAlteredPages() -> [String] {
        guard let altered, !altered.isEmpty else { return [] }
        return lock.withLock {
            guard var pages = carried else { return [] }
            let spoiled = altered.filter(pages.contains)
            pages.except.formUnion(spoiled)
            carried = pages
            return spoiled.sorted()
        }
    }

    /// Records `file`'s fingerprint; true when the file may be left as it is on disk.
    /// `isPage` for pages (see `carryOverPages`).
    func canKeep(_ file: String, fingerprint: UInt64, isPage: Bool = false) -> Bool {
        let record = previous[file]
        let keep = record?.fingerprint == fingerprint && isIntact(file)
        lock.withLock {
            if keep { kept[file] = record } else { fingerprints[file] = (fingerprint, isPage) }
        }
        return keep
    }

    /// Whether this build made the very files the last one recorded, none added or gone:
    /// worked out from the few files it wrote, not from every file (kept, carried and written
    /// files are apart, and the first two were recorded).
    var madeTheRecordedFiles: Bool {
        lock.withLock {
            kept.count + (carried?.count ?? 0) + fingerprints.count == previous.count
                && fingerprints.keys.allSatisfy { previous[$0] != nil }
        }
    }

    /// Files left untouched because their fingerprint had not changed, or carried over.
    public var keptFiles: KeptFiles {
        lock.withLock {
            let (kept, carried) = (self.kept, self.carried)
            return KeptFiles(count: kept.count + (carried?.count ?? 0)) { file in
                kept[file] != nil || carried?.contains(file) == true
            }
        }
    }

    /// What the cache should remember of this build's files, once they are in the output
    /// folder: kept files as they were, the others as they are now.
    func records(in output: URL) -> [String: BuildCache.FileRecord] {
        let (fingerprints, kept, carried) = lock.withLock { (self.fingerprints, self.kept, self.carried) }
        let written = Array(fingerprints.keys)
        let folder = OpenFolder(output.path)
        let stamps = written.parallelMap { file in folder.flatMap { FileStamp(file, in: $0) } }
        var records = carried?.records(keeping: kept) ?? kept
        for (file, stamp) in zip(written, stamps) {
            guard let stamp, let made = fingerprints[file] else { continue }
            records[file] = BuildCache.FileRecord(fingerprint: made.fingerprint, stamp: stamp, isPage: made.isPage)
        }
        return records
    }
}
