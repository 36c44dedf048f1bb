import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A whole file read straight into an array: `[UInt8](Data(contentsOf:))` reads it and then
/// copies it, which showed when a rebuild loads a cache of several megabytes.
enum FileBytes {
    struct Unreadable: Error {
        var path: String
    }

    static func read(_ path: String) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Unreadable(path: path) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw Unreadable(path: path) }
        // One byte more than the size, so reading reaches the end of the file at once.
        var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
        var filled = 0
        while true {
            // Full: the file grew since the stat; read on.
            if filled == bytes.count { bytes += [UInt8](repeating: 0, count: bytes.count) }
            let count = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count > 0 {
                filled += count
            } else if count == 0 {
                break
            } else if errno != EINTR {
                throw Unreadable(path: path)
            }
        }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }

    struct Unwritable: Error, CustomStringConvertible {
        var path: String
        var code: Int32

        /// As a build's warning shows it: `cannot write …/build.cache: No space left on device`.
        var description: String { "cannot write \(path): \(String(cString: strerror(code)))" }
    }

    /// Writes `bytes` to a new file beside `path`, flushes it to the disk, and renames it over
    /// `path`: readers see the old file or the new one, never half of one, as with
    /// `Data.write(options: .atomic)`, without first copying megabytes into a `Data`.
    static func write(_ bytes: [UInt8], atomicallyTo path: String) throws {
        let temporary = path + ".\(getpid())-\(UInt32.random(in: 0...UInt32.max)).partial"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Unwritable(path: path, code: errno) }
        var written = 0
        var failure: Int32 = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count > 0 {
                written += count
            } else if count < 0 && errno != EINTR {
                failure = errno
                break
            }
        }
        if failure == 0, fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0, failure == 0 { failure = errno }
        if failure == 0, rename(temporary, path) != 0 { failure = errno }
        guard failure == 0 else {
            unlink(temporary)
            throw Unwritable(path: path, code: failure)
        }
    }
}
