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
}
