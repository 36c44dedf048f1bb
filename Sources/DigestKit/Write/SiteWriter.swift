import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Writes a built site into the output folder all at once.
///
/// The new site is written to a staging folder beside the output and swapped in with renames, so
/// readers (and a build that fails half-way) only ever see the old site or the new one. Files whose
/// bytes did not change are hard-linked from the old output instead of rewritten, so they keep
/// their modification time and rsync-style deploys stay small.
public struct SiteWriter: Sendable {
    /// Present in every output folder Digest wrote; a folder without it (and not empty) is never
    /// replaced, so a mistyped `--output` cannot delete a user's files.
    public static let markerName = ".digest-output"
    /// Placeholders that version control keeps in an otherwise ignored folder; carried over.
    static let keptNames = [".gitkeep"]

    public var output: URL

    public init(output: URL) {
        self.output = output.standardizedFileURL
    }

    public struct Report: Sendable, Equatable {
        public var written = 0
        public var unchanged = 0
        public var removed = 0
        /// After an update in place: the files moved in or removed, whose folders changed.
        var changedPaths: [String] = []
    }

    public enum WriteError: Error, CustomStringConvertible {
        case notOurs(String)
        case unsafePath(String)
        case duplicatePath(String)

        public var description: String {
            switch self {
            case let .notOurs(path):
                return "\(path) already holds files that Digest did not write; refusing to replace it (empty it, or choose another --output)"
            case let .unsafePath(path):
                return "refusing to write '\(path)': it would land outside the output folder"
            case let .duplicatePath(path):
                return "two pages would be written to '\(path)'"
            }
        }
    }

    var staging: URL { output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).staging") }
    var retired: URL { output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).old") }

    /// Writes `files` as the new output in one step (staged in parallel, then swapped in).
    public func write(_ files: [OutputFile]) throws -> Report {
        let staging = try begin()
        do {
            let results = files.parallelMap { file in Result { try staging.stage(file) } }
            var report = Report()
            for result in results {
                if try result.get() { report.unchanged += 1 } else { report.written += 1 }
            }
            try staging.commit(report: &report)
            staging.finish()
            return report
        } catch {
            staging.abandon()
            throw error
        }
    }

    /// Starts a new output beside the current one. Pages can then be staged as they are
    /// rendered, from any thread, without holding the whole site in memory.
    public func begin() throws -> StagingArea {
        try recoverInterruptedSwap()
        try checkOwnership()
        try? FileManager.default.removeItem(at: staging)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        return StagingArea(writer: self)
    }

    /// A new output being written. `stage` is safe to call concurrently; `commit` swaps it in.
    public final class StagingArea: Sendable {
        let writer: SiteWriter
        /// The files staged so far, and the folders made for them.
        private let staged = Mutex<(paths: Set<String>, folders: Set<String>)>(([], []))
        /// The stamps of the files written, taken from each one before it was closed. They stay
        /// true after the swap, which renames only the staging folder, so the build cache
        /// records them without stamping every file of the new output again.
        private let stamps = Mutex<[String: FileStamp]>([:])
        /// Folder paths ending in "/", worked out once: URL path arithmetic for every file
        /// showed in a full build.
        private let stagingPrefix: String
        private let outputPrefix: String
        /// False when there is no current output (a first build, or one into a new folder):
        /// then no page can be unchanged, and looking for each one's old file is skipped.
        private let hasPreviousOutput: Bool

        /// The current output's files, for the report of what the swap removes: listed while
        /// the pages render, as walking a large output takes seconds on a slow disk.
        private let previous: Background<Set<String>>
        /// The old site's removal after the swap: it runs while the build saves its cache.
        private let oldSite = Mutex<Background<Void>?>(nil)

        init(writer: SiteWriter) {
            self.writer = writer
            stagingPrefix = writer.staging.path + "/"
            outputPrefix = writer.output.path + "/"
            hasPreviousOutput = FileManager.default.fileExists(atPath: writer.output.path)
            previous = Background { writer.previousFiles() }
        }

        /// Writes one file into the staging folder; returns true when its bytes equal the current
        /// output's, in which case the old file is hard-linked (keeping its modification time).
        @discardableResult
        public func stage(_ file: OutputFile) throws -> Bool {
            guard OutputFile.isSafe(file.path) else { throw WriteError.unsafePath(file.path) }
            let folder = OutputFile.folder(of: file.path)
            let (isNew, folderMade) = staged.withLock { staged in
                (staged.paths.insert(file.path).inserted, folder.isEmpty || staged.folders.contains(folder))
            }
            guard isNew else { throw WriteError.duplicatePath(file.path) }
            let destination = stagingPrefix + file.path
            // A folder is recorded once it exists, not when a thread sets out to make it: two
            // files of one new folder staged at once each make it (the second finds it there)
            // rather than one writing into a folder the other has not made yet.
            if !folderMade {
                try Self.makeFolders(stagingPrefix + folder)
                staged.withLock { _ = $0.folders.insert(folder) }
            }
            let previous = outputPrefix + file.path
            switch file.content {
            case let .bytes(data):
                if hasPreviousOutput, SiteWriter.sameBytes(atPath: previous, data), Glibc.link(previous, destination) == 0 { return true }
                if let stamp = try Self.writeFile(destination, data) { stamps.withLock { $0[file.path] = stamp } }
            case let .copy(source):
                if hasPreviousOutput, let data = try? Data(contentsOf: source, options: .alwaysMapped),
                    SiteWriter.sameBytes(atPath: previous, data), Glibc.link(previous, destination) == 0
                {
                    return true
                }
                try FileManager.default.copyItem(atPath: source.path, toPath: destination)
            }
            return false
        }

        /// The stamps of the files written (not those linked or copied), by path in the output.
        var writtenStamps: [String: FileStamp] { stamps.withLock { $0 } }

        /// Plain open/write/close: `Data.write(to:)` also syncs each file to disk, which a build
        /// of thousands of pages does not need (the swap makes the whole site appear at once).
        /// Returns the file's stamp as written.
        @discardableResult
        static func writeFile(_ path: String, _ data: Data) throws -> FileStamp? {
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
            defer { close(fd) }
            try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
                var offset = 0
                while offset < buffer.count {
                    let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
                    }
                    offset += written
                }
            }
            return FileStamp(descriptor: fd)
        }

        /// `mkdir -p` with plain system calls: Foundation's `createDirectory` stats every parent,
        /// for every file written. Concurrent callers may race; EEXIST is success.
        static func makeFolders(_ path: String) throws {
            if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
            guard errno == ENOENT else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
            try makeFolders((path as NSString).deletingLastPathComponent)
            if mkdir(path, 0o755) != 0 && errno != EEXIST {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
        }

        /// Swaps the staged site in; `report.removed` gets the number of old files gone.
        public func commit(report: inout Report) throws {
            let fileManager = FileManager.default
            try Data().write(to: writer.staging.appendingPathComponent(SiteWriter.markerName))
            for name in SiteWriter.keptNames {
                let old = writer.output.appendingPathComponent(name)
                if fileManager.fileExists(atPath: old.path) {
                    try fileManager.copyItem(at: old, to: writer.staging.appendingPathComponent(name))
                }
            }
            let written = staged.withLock { $0.paths }
            report.removed = previous.value.subtracting(written).count
            let removal = try writer.swapIn()
            oldSite.withLock { $0 = removal }
        }

        /// Waits until the old site the swap put aside is gone (`OutputTransaction.finish`).
        public func finish() {
            oldSite.withLock { $0 }?.value
        }

        /// Drops the staged files; the current output stays as it was.
        public func abandon() {
            try? FileManager.default.removeItem(at: writer.staging)
        }
    }

    /// Whether the file at `path` holds exactly `data`. Plain open, fstat and read: mapping and
    /// unmapping each of thousands of small files (`Data(contentsOf:options: .alwaysMapped)`)
    /// cost more than reading them. `O_NONBLOCK` so that a FIFO left in the output cannot hang
    /// the open; the size check then turns it down.
    static func sameBytes(atPath path: String, _ data: Data) -> Bool {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == data.count else { return false }
        return data.withUnsafeBytes { expected in
            let count = expected.count
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: count + 1, alignment: 16)
            defer { buffer.deallocate() }
            var filled = 0
            // One byte more than expected, to see a file that grew since the fstat.
            while filled <= count {
                let got = read(fd, buffer + filled, count + 1 - filled)
                if got < 0 && errno == EINTR { continue }
                guard got > 0 else { break }
                filled += got
            }
            return filled == count && (count == 0 || memcmp(buffer, expected.baseAddress!, count) == 0)
        }
    }

    /// Files of the current output, for the report of what a build removed.
    func previousFiles() -> Set<String> {
        Set(ContentLoader.walk(output))
    }

    private func checkOwnership() throws {
        let fileManager = FileManager.default
        var isFolder: ObjCBool = false
        guard fileManager.fileExists(atPath: output.path, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else { throw WriteError.notOurs(output.path) }
        if fileManager.fileExists(atPath: output.appendingPathComponent(Self.markerName).path) { return }
        let entries = (try? fileManager.contentsOfDirectory(atPath: output.path)) ?? []
        guard entries.allSatisfy({ Self.keptNames.contains($0) || $0 == "README.md" }) else {
            throw WriteError.notOurs(output.path)
        }
    }

    private func recoverInterruptedSwap() throws {
        let fileManager = FileManager.default
        if !fileManager.fileExists(atPath: output.path), fileManager.fileExists(atPath: retired.path) {
            try fileManager.moveItem(at: retired, to: output)
        }
    }
}
