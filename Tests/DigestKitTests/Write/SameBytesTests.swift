import Foundation
import Testing

@testable import DigestKit

/// A build keeps an output file (and its modification time) only when its bytes are exactly the
/// new ones: anything else must read as different, and nothing in the output may hang the check.
@Suite struct SameBytesTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("digest-same-\(UUID().uuidString)")

    init() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func path(_ name: String, holding bytes: [UInt8]? = nil) throws -> String {
        let url = folder.appendingPathComponent(name)
        if let bytes { try Data(bytes).write(to: url) }
        return url.path
    }

    @Test func equalBytesAreTheSame() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = Array("<p>Zürich</p>\n".utf8)
        #expect(SiteWriter.sameBytes(atPath: try path("a.html", holding: page), Data(page)))
        #expect(SiteWriter.sameBytes(atPath: try path("empty.html", holding: []), Data()))
        let large = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        #expect(SiteWriter.sameBytes(atPath: try path("large.js", holding: large), Data(large)))
    }

    @Test func anyDifferenceIsNotTheSame() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = Array("<p>one</p>".utf8)
        let file = try path("a.html", holding: page)
        #expect(!SiteWriter.sameBytes(atPath: file, Data("<p>two</p>".utf8)), "same length, other bytes")
        #expect(!SiteWriter.sameBytes(atPath: file, Data(page.dropLast())), "the file is longer")
        #expect(!SiteWriter.sameBytes(atPath: file, Data(page + [0x0A])), "the file is shorter")
        #expect(!SiteWriter.sameBytes(atPath: try path("missing.html"), Data()))
        #expect(!SiteWriter.sameBytes(atPath: folder.path, Data()), "a folder")
    }

    @Test func aFIFOIsNotReadAndDoesNotHang() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = try path("pipe.html")
        #expect(mkfifo(fifo, 0o644) == 0)
        #expect(!SiteWriter.sameBytes(atPath: fifo, Data()))
    }
}
