#if canImport(Glibc)
import Glibc
#endif

/// Fields of an entry `readdir` returns, read in place. An entry is only as long as its name
/// (`d_reclen`), not `MemoryLayout<dirent>.size`: copying the whole struct, as
/// `entry.pointee.d_name` does, reads past the last entry of the buffer, which crashed on a
/// folder whose entries ended at the edge of mapped memory (seen with 50,000 articles).
enum DirectoryEntry {
    private static let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
    private static let typeOffset = MemoryLayout<dirent>.offset(of: \dirent.d_type)!

    static func name(_ entry: UnsafePointer<dirent>) -> String {
        let raw = UnsafeRawPointer(entry) + nameOffset
        return String(cString: raw.assumingMemoryBound(to: CChar.self))
    }

    static func type(_ entry: UnsafePointer<dirent>) -> UInt8 {
        UnsafeRawPointer(entry).load(fromByteOffset: typeOffset, as: UInt8.self)
    }
}
