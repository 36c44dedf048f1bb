import Foundation
import Synchronization

/// The search index's questions to the last build (`SearchIndexReuse`), answered from what the
/// plan compared with: the search index decides file by file while it renders (a kept shard is
/// read back), so what it keeps and the fingerprints of what it makes are gathered here, and
/// join the plan's kept files and the rendered fingerprints afterwards (`RenderedFingerprints`).
final class SearchIndexKeeping: SearchIndexReuse {
    private let last: RenderPlan.Comparison
    /// The output folder the last build wrote, for `intactBytes`; nil where none is read back.
    private let output: URL?
    private let state = Mutex(Decisions())

    struct Decisions {
        /// Each file once: the index asks about each of its files once.
        var kept: [String] = []
        var keptFolders: [KeptOutput.Folder] = []
        var fingerprints: [String: UInt64] = [:]
    }

    init(last: RenderPlan.Comparison, output: URL?) {
        self.last = last
        self.output = output
    }

    /// The files kept and the fingerprints of the files made, so far.
    var decisions: Decisions { state.withLock { $0 } }

    func canKeep(_ file: String, fingerprint: UInt64) -> Bool {
        let keep = last.keeps(file, fingerprint: fingerprint)
        state.withLock { if keep { $0.kept.append(file) } else { $0.fingerprints[file] = fingerprint } }
        return keep
    }

    func carryOver(folders: [String], except: Set<String>) -> Bool {
        let kept = folders.map { KeptOutput.Folder(path: $0, except: except) }
        // Only whether any was altered is asked, and usually none was, which needs no look at
        // the files at all.
        guard !last.altered.contains(where: { file in kept.contains { $0.keeps(file) } && last.files[file] != nil }) else { return false }
        state.withLock { $0.keptFolders += kept }
        return true
    }

    func intactBytes(_ file: String) -> Data? {
        guard let output, last.isIntact(file) else { return nil }
        return try? Data(contentsOf: output.appendingPathComponent(file))
    }
}
