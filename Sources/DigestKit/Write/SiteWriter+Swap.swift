import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The swap that makes a staged site the output.
extension SiteWriter {
    /// Output ← staging. Where the system can, the two folders trade places in one atomic step,
    /// so the output folder exists at every moment: with two renames a reader (or a build killed
    /// between them) found no output folder at all (CrashSafetyTests). The old site, now in
    /// `staging`, is removed after, on a thread of its own (returned, to be waited for); a crash
    /// before that leaves it for the next build to clear.
    /// Elsewhere two renames: a crash between them leaves the old site in `retired`, which the
    /// next build puts back before doing anything else.
    func swapIn() throws -> Background<Void>? {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: output.path) else {
            try fileManager.moveItem(at: staging, to: output)
            return nil
        }
        if Self.exchange(staging, output) {
            return Background { [staging] in try? FileManager.default.removeItem(at: staging) }
        }
        try? fileManager.removeItem(at: retired)
        try fileManager.moveItem(at: output, to: retired)
        try fileManager.moveItem(at: staging, to: output)
        try? fileManager.removeItem(at: retired)
        return nil
    }

    #if canImport(Glibc)
    /// glibc's `renameat2` (Linux 3.15+), looked up at run time: Swift's Glibc module does not
    /// export it.
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32
    private static let renameat2: RenameAt2? = dlsym(nil, "renameat2").map { unsafeBitCast($0, to: RenameAt2.self) }
    #endif

    /// Swaps two existing folders atomically (`RENAME_EXCHANGE`); false where the system or the
    /// file system cannot, and nothing was changed.
    static func exchange(_ first: URL, _ second: URL) -> Bool {
        #if canImport(Glibc)
        let renameExchange: UInt32 = 1 << 1
        guard let renameat2 else { return false }
        return renameat2(AT_FDCWD, first.path, AT_FDCWD, second.path, renameExchange) == 0
        #else
        return false
        #endif
    }
}
