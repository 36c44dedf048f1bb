import Foundation

extension RenderPlan {
    /// The next build's manifest, once the files are in `output`: kept files as the last build
    /// recorded them, rendered ones with their fingerprints and their stamps now.
    ///
    /// It lists every file the build made: one that cannot be stamped gets a stamp no file has
    /// (a size of -1), so that the next build finds it altered and makes it again. That is
    /// what lets a body-only rebuild keep the recorded pages without listing them.
    /// `kept` is `kept(with: rendered)`, when the caller has it already; `known` holds stamps
    /// taken as files were written, still true (a full build's, swapped in whole).
    func manifest(
        _ rendered: RenderedFingerprints, kept: KeptOutput? = nil, known: [String: FileStamp] = [:], in output: URL
    ) -> [String: BuildCache.FileRecord] {
        var made: [(file: String, fingerprint: UInt64, isPage: Bool)] = []
        made.reserveCapacity(pageFingerprints.count + rendered.pages.count + fingerprints.count + rendered.files.count)
        // The plan's fingerprints and those worked out while rendering are of different files.
        for pages in [pageFingerprints, rendered.pages] { for (file, fingerprint) in pages { made.append((file, fingerprint, true)) } }
        for files in [fingerprints, rendered.files] { for (file, fingerprint) in files { made.append((file, fingerprint, false)) } }
        let folder = OpenFolder(output.path)
        let stamps = made.parallelMap { made in known[made.file] ?? folder.flatMap { FileStamp(made.file, in: $0) } }
        var records = (kept ?? self.kept(with: rendered)).records
        for (made, stamp) in zip(made, stamps) {
            records[made.file] = BuildCache.FileRecord(fingerprint: made.fingerprint, stamp: stamp ?? Self.noStamp, isPage: made.isPage)
        }
        return records
    }

    /// The last build's files left as they are: the plan's, and those the search index kept
    /// while rendering; settled, as nothing more is kept.
    func kept(with rendered: RenderedFingerprints) -> KeptOutput {
        var kept = kept
        kept.keep(rendered.kept)
        kept.keepRecordedFiles(in: rendered.keptFolders)
        return kept.settled()
    }

    private static let noStamp = FileStamp(size: -1, seconds: 0, nanoseconds: 0, inode: 0, changeSeconds: 0, changeNanoseconds: 0)

    /// Whether `manifest` (made by `manifest(_:in:)`) lists the very files the last build's
    /// did, worked out from the few files rendered rather than from every file: the kept files
    /// are the last build's, so when every rendered one is too the manifest is a subset of
    /// that build's, and a subset as large as the set is the set.
    func listsTheLastBuildsFiles(_ manifest: [String: BuildCache.FileRecord], rendered: RenderedFingerprints) -> Bool {
        manifest.count == kept.lastBuild.count && filesNotInTheLastBuild(rendered: rendered).isEmpty
    }

    /// The files this build rendered that the last build's manifest does not list.
    func filesNotInTheLastBuild(rendered: RenderedFingerprints) -> [String] {
        let last = kept.lastBuild
        return [pageFingerprints, rendered.pages, fingerprints, rendered.files].flatMap { $0.keys.filter { last[$0] == nil } }
    }
}
