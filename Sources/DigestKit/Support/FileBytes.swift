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
        // One byte more than the size, so a file that grew since the stat is noticed.
        let capacity = max(Int(info.st_size), 0) + 1
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            initialized = 0
            while initialized < capacity {
                let count = Glibc.read(descriptor, buffer.baseAddress! + initialized, capacity - initialized)
                if count > 0 {
                    initialized += count
                } else if count == 0 {
                    break
                } else if errno != EINTR {
                    failed = true
                    break
                }
            }
        }
        guard !failed else { throw Unreadable(path: path) }
        if bytes.count == capacity {
            // It grew: read the rest as it comes.
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
                if count > 0 {
                    bytes += chunk[0..<count]
                } else if count == 0 || errno != EINTR {
                    guard count == 0 else { throw Unreadable(path: path) }
                    break
                }
            }
        }
        return bytes
    }
}
