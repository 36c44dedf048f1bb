import Foundation
import Testing

@testable import DigestKit

@Suite struct SiteWriterTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("digest-writer-\(UUID().uuidString)")
    var output: URL { folder.appendingPathComponent("Public") }

    @Test func writesAndRemovesStaleFiles() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let writer = SiteWriter(output: output)
        _ = try writer.write([.text("index.html", "one"), .text("old/index.html", "old")])
        let report = try writer.write([.text("index.html", "two")])
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "two")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("old/index.html").path))
        #expect(report.removed == 1)
        #expect(report.written == 1)
    }

    /// The old site is removed on a thread of its own after the swap; by `finish` it is gone,
    /// and nothing of it is left beside the output for the next build to trip over.
    @Test func theOldSiteIsGoneOnceTheCommitIsFinished() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let writer = SiteWriter(output: output)
        _ = try writer.write((0..<200).map { .text("old/\($0)/index.html", "old \($0)") })
        let staging = try writer.begin()
        #expect(try staging.stage(.text("index.html", "new")) == false)
        var report = SiteWriter.Report()
        try staging.commit(report: &report)
        #expect(report.removed == 200)
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "new")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("old").path))
        staging.finish()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["Public"])
        // Once more: the next build stages where the old site was removed from.
        _ = try writer.write([.text("index.html", "again")])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["Public"])
    }

    /// Files of one new folder staged at once from several threads: none may find the folder
    /// missing because another thread set out to make it first (a bilingual build once failed
    /// writing `zh/index.html` beside `zh/404.html`).
    @Test func filesOfOneNewFolderStagedAtOnceAllLand() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let writer = SiteWriter(output: output)
        for round in 0..<2 {
            // Two files to a folder, the pair side by side: `parallelMap` hands neighbours to
            // different threads.
            let files = (0..<1_000).map { OutputFile.text("r\(round)/f\($0 / 2)/\($0 % 2).html", "\($0)") }
            let report = try writer.write(files)
            #expect(report.written == 1_000)
        }
    }

    @Test func unchangedFilesKeepTheirModificationTime() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let writer = SiteWriter(output: output)
        _ = try writer.write([.text("a/index.html", "same"), .text("b/index.html", "before")])
        let old = Date(timeIntervalSince1970: 1_000_000_000)
        for path in ["a/index.html", "b/index.html"] {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: output.appendingPathComponent(path).path)
        }
        let report = try writer.write([.text("a/index.html", "same"), .text("b/index.html", "after")])
        func mtime(_ path: String) throws -> Date {
            try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent(path).path)[.modificationDate] as! Date
        }
        #expect(try mtime("a/index.html") == old)
        #expect(try mtime("b/index.html") != old)
        #expect(report.unchanged == 1)
        #expect(report.written == 1)
    }

    @Test(arguments: ["../escape.html", "/abs.html", "a/../../b.html", "a\\b.html", "a//b.html", "./a.html"])
    func refusesPathsOutsideTheOutput(_ path: String) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: SiteWriter.WriteError.self) {
            try SiteWriter(output: output).write([.text(path, "x")])
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("escape.html").path))
    }

    @Test func safePathsAreNamesAllTheWayDown() {
        for path in ["index.html", "a/b/index.html", "...", "a/.../b", ".hidden/x", "a.b/c..d", "网络/安全.html"] {
            #expect(OutputFile.isSafe(path), "\(path)")
        }
        for path in ["", "/", "a/", "/a", ".", "..", "a/.", "a/..", "../a", "a//b", "a\\b", "a\0b", "./a"] {
            #expect(!OutputFile.isSafe(path), "\(path.debugDescription)")
        }
    }

    @Test func neverReplacesAFolderItDidNotWrite() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: output.appendingPathComponent("notes.txt"))
        #expect(throws: SiteWriter.WriteError.self) {
            try SiteWriter(output: output).write([.text("index.html", "x")])
        }
        #expect(try String(contentsOf: output.appendingPathComponent("notes.txt"), encoding: .utf8) == "mine")
    }

    @Test func keepsTheVersionControlPlaceholder() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data().write(to: output.appendingPathComponent(".gitkeep"))
        _ = try SiteWriter(output: output).write([.text("index.html", "x")])
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(".gitkeep").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
    }

    @Test func recoversFromACrashBetweenTheTwoRenames() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let writer = SiteWriter(output: output)
        _ = try writer.write([.text("index.html", "old")])
        // Simulate a crash after the old site was moved aside.
        try FileManager.default.moveItem(at: output, to: folder.appendingPathComponent(".Public.old"))
        #expect(throws: SiteWriter.WriteError.self) { try writer.write([.text("../x", "new")]) }
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "old")
    }
}
