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

    /// A folder's stamp: its times move whenever an entry is added, removed or renamed in it.
    init?(folderAt path: String) {
        self.init(path: path, type: S_IFDIR)
    }

    private init?(path: String, type: mode_t) {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == type else { return nil }
        size = Int(info.st_size)
        seconds = Int(info.st_mtim.tv_sec)
        nanoseconds = Int(info.st_mtim.tv_nsec)
        inode = UInt64(info.st_ino)
        changeSeconds = Int(info.st_ctim.tv_sec)
        changeNanoseconds = Int(info.st_ctim.tv_nsec)
    }

    /// Modification and change times in nanoseconds since 1970.
    var modified: Int { seconds * 1_000_000_000 + nanoseconds }
    var changed: Int { changeSeconds * 1_000_000_000 + changeNanoseconds }

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
