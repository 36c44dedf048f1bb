import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// What `stat` says about a file, enough to tell that it was replaced or rewritten: size,
/// modification time to the nanosecond, inode (a file renamed over it has another) and change
/// time (which any write or `touch` moves, and no tool can set back).
struct FileStamp: Sendable, Hashable {
    var size: Int
    var seconds: Int
    var nanoseconds: Int
    var inode: UInt64
    var changeSeconds: Int
    var changeNanoseconds: Int

    /// nil when there is no regular file at `path`.
    init?(path: String) {
        self.init(path: path, type: S_IFREG)
    }

    /// The stamp of the regular file at `relative` inside `folder`.
    init?(_ relative: String, in folder: OpenFolder) {
        self.init(relative, in: folder, type: S_IFREG)
    }

    /// The stamp of the folder at `relative` inside `folder` ("" for `folder` itself): a
    /// folder's times move whenever an entry is added, removed or renamed in it.
    init?(folder relative: String, in folder: OpenFolder) {
        self.init(relative.isEmpty ? "." : relative, in: folder, type: S_IFDIR)
    }

    /// The stamp of the regular file open as `descriptor`.
    init?(descriptor: Int32) {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        self.init(info, type: S_IFREG)
    }

    private init?(path: String, type: mode_t) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info, type: type)
    }

    private init?(_ relative: String, in folder: OpenFolder, type: mode_t) {
        var info = stat()
        guard fstatat(folder.descriptor, relative, &info, 0) == 0 else { return nil }
        self.init(info, type: type)
    }

    private init?(_ info: stat, type: mode_t) {
        guard (info.st_mode & S_IFMT) == type else { return nil }
        size = Int(info.st_size)
        seconds = Int(info.st_mtim.tv_sec)
        nanoseconds = Int(info.st_mtim.tv_nsec)
        inode = UInt64(info.st_ino)
        changeSeconds = Int(info.st_ctim.tv_sec)
        changeNanoseconds = Int(info.st_ctim.tv_nsec)
    }

    /// Modification and change times in nanoseconds since 1970.
    var modifiedNanoseconds: Int { seconds * 1_000_000_000 + nanoseconds }
    var changedNanoseconds: Int { changeSeconds * 1_000_000_000 + changeNanoseconds }

    /// Stands for the stamp, where a file's fingerprint is its source's stamp (copied files).
    var fingerprint: UInt64 {
        var hasher = StableHasher()
        for value in [size, seconds, nanoseconds, changeSeconds, changeNanoseconds] { hasher.combine(value) }
        hasher.combine(inode)
        return hasher.finalize()
    }

    init(size: Int, seconds: Int, nanoseconds: Int, inode: UInt64, changeSeconds: Int, changeNanoseconds: Int) {
        self.size = size
        self.seconds = seconds
        self.nanoseconds = nanoseconds
        self.inode = inode
        self.changeSeconds = changeSeconds
        self.changeNanoseconds = changeNanoseconds
    }
}

/// A folder held open, so files in it are stamped by their path inside it: `fstatat` from the
/// folder walks only that path, where `stat` of the whole path walks every parent folder again
/// for each of the output's many files.
final class OpenFolder: Sendable {
    let descriptor: Int32

    /// nil when there is no folder at `path`.
    init?(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }
}
