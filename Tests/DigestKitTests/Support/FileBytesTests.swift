import Foundation
import Testing

@testable import DigestKit

@Suite struct FileBytesTests {
    @Test(arguments: [0, 1, 4095, 70_000])
    func readsAWholeFile(size: Int) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("digest-bytes-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        try Data(bytes).write(to: url)
        #expect(try FileBytes.read(url.path) == bytes)
    }

    @Test func aMissingFileOrAFolderIsAnError() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("digest-missing-\(UUID().uuidString)")
        #expect(throws: FileBytes.Unreadable.self) { try FileBytes.read(missing.path) }
        #expect(throws: FileBytes.Unreadable.self) { try FileBytes.read(FileManager.default.temporaryDirectory.path) }
    }

    @Test func anAtomicWriteReplacesTheFileWholeAndLeavesNothingBeside() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("digest-write-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("cache").path
        try FileBytes.write(Array("old".utf8), atomicallyTo: path)
        let bytes = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 17) }
        try FileBytes.write(bytes, atomicallyTo: path)
        #expect(try FileBytes.read(path) == bytes)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["cache"])
        let nowhere = folder.appendingPathComponent("missing/cache").path
        #expect(throws: FileBytes.Unwritable.self) { try FileBytes.write(bytes, atomicallyTo: nowhere) }
        do {
            try FileBytes.write(bytes, atomicallyTo: nowhere)
        } catch {
            #expect("\(error)" == "cannot write \(nowhere): No such file or directory")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["cache"])
    }
}
