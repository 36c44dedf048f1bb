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
        var kept: Set<String> = []
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
        state.withLock { if keep { $0.kept.insert(file) } else { $0.fingerprints[file] = fingerprint } }
        return keep
    }

    func carryOver(_ file: String) -> Bool {
        guard last.isIntact(file) else { return false }
        state.withLock { _ = $0.kept.insert(file) }
        return true
    }

    func recordedFiles(under folder: String) -> [String] {
        // Bytes compared, not Characters: every recorded path is asked, once per folder.
        guard !folder.isEmpty else { return Array(last.files.keys) }
        return last.files.keys.filter { $0.utf8.starts(with: folder.utf8) }
    }

    func isKeptIntact(_ file: String) -> Bool {
        last.isIntact(file)
    }

    func intactBytes(_ file: String) -> Data? {
        guard let output, last.isIntact(file) else { return nil }
        return try? Data(contentsOf: output.appendingPathComponent(file))
    }
}
