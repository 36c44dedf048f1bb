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
}
