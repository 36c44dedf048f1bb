import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

extension SiteWriter {
    /// Marks an output folder whose in-place update was interrupted: the next build then
    /// replaces the whole folder instead of updating it.
    static let journalName = ".digest-updating"

    /// True when the output can be updated in place: Digest wrote it, and no earlier update
    /// was cut short.
    public func canUpdateInPlace() -> Bool {
        let fileManager = FileManager.default
        return fileManager.fileExists(atPath: output.appendingPathComponent(Self.markerName).path)
            && !fileManager.fileExists(atPath: output.appendingPathComponent(Self.journalName).path)
            && !fileManager.fileExists(atPath: retired.path)
    }

    /// Starts an update of the current output that writes only what changed: a rebuild after
    /// one edit touches a handful of files instead of recreating the site.
    /// `listing` is the output's files, when a caller started listing them earlier.
    func beginUpdate(listing: (@Sendable () -> OutputListing.Result)? = nil) throws -> Update {
        try? FileManager.default.removeItem(at: staging)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        guard let listing else {
            let walk = Background { [self] in OutputListing.Result(files: previousFiles()) }
            return Update(writer: self, existing: { walk.value })
        }
        return Update(writer: self, existing: listing)
    }

    /// Changed files are staged beside the output, then moved in one by one at `commit`, so a
    /// build that fails before then leaves the output as it was. A crash during the moves
    /// leaves the journal file, and the next build replaces the whole folder.
    public final class Update: Sendable {
        let writer: SiteWriter
        /// Every file this build produced, and those of them staged to be moved in.
        private let files = Mutex<(paths: Set<String>, staged: [String])>(([], []))
        /// The output's files, listed while the pages render, to find those no longer made.
        /// The output's files as found before the update (waits for the look when first asked).
        private let existing: @Sendable () -> OutputListing.Result

        init(writer: SiteWriter, existing: @escaping @Sendable () -> OutputListing.Result) {
            self.writer = writer
            self.existing = existing
        }

        /// Stages `file` unless the output already holds these bytes; true when it does.
        @discardableResult
        public func stage(_ file: OutputFile) throws -> Bool {
            guard OutputFile.isSafe(file.path) else { throw WriteError.unsafePath(file.path) }
            guard files.withLock({ $0.paths.insert(file.path).inserted }) else { throw WriteError.duplicatePath(file.path) }
            let current = writer.output.appendingPathComponent(file.path)
            let data: Data
            switch file.content {
            case let .bytes(bytes): data = bytes
            case let .copy(source): data = try Data(contentsOf: source, options: .alwaysMapped)
            }
            if SiteWriter.sameBytes(atPath: current.path, data) { return true }
            let destination = writer.staging.appendingPathComponent(file.path)
            try StagingArea.makeFolders(destination.deletingLastPathComponent().path)
            try StagingArea.writeFile(destination.path, data)
            files.withLock { $0.staged.append(file.path) }
            return false
        }

        /// Moves the staged files in and removes the output's files that this build did not
        /// produce (`kept` lists those it left alone). `report.removed` gets their number.
        public func commit(kept: KeptFiles, report: inout Report) throws {
            let fileManager = FileManager.default
            let (produced, moved) = files.withLock { ($0.paths, $0.staged) }
            let journal = writer.output.appendingPathComponent(SiteWriter.journalName)
            try Data().write(to: journal)
            for path in moved.sorted() {
                let destination = writer.output.appendingPathComponent(path)
                try StagingArea.makeFolders(destination.deletingLastPathComponent().path)
                guard rename(writer.staging.appendingPathComponent(path).path, destination.path) == 0 else {
                    throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: destination.path])
                }
            }
            // Looked up, not united into one set: a rebuild keeps nearly every file, so that
            // is asked first.
            let stale = Set(
                existing().files(
                    notKeptBy: { path in
                        kept.contains(path) || produced.contains(path) || SiteWriter.keptNames.contains(path)
                            || path == SiteWriter.markerName || path == SiteWriter.journalName
                    }, amongRecorded: kept.recordedNotKept))
            report.changedPaths = Array(stale) + moved
            for path in stale {
                try fileManager.removeItem(at: writer.output.appendingPathComponent(path))
            }
            removeEmptyFolders(around: stale)
            report.removed = stale.count
            try fileManager.removeItem(at: journal)
            try? fileManager.removeItem(at: writer.staging)
        }

        /// Folders left empty by removed pages go too, deepest first, up to the output folder.
        private func removeEmptyFolders(around removed: Set<String>) {
            let folders = OutputListing.folders(holding: removed).subtracting([""])
            for folder in folders.sorted(by: { $0.count > $1.count }) {
                // rmdir fails on a folder that still holds something, which is what we want.
                _ = rmdir(writer.output.appendingPathComponent(folder).path)
            }
        }

        /// Drops the staged files; the output stays as it was.
        public func abandon() {
            try? FileManager.default.removeItem(at: writer.staging)
        }
    }
}
