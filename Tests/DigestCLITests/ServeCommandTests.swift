import Foundation
import Testing

/// `digest serve` as a user runs it and stops it, with Ctrl-C.
@Suite struct ServeCommandTests {
    @Test func ctrlCStopsThePreviewQuietlyEvenWhenVerbose() async throws {
        let digest = try DigestCommand()
        defer { digest.remove() }
        #expect(try digest.run("init", "desk", "--title", "Stopping Desk", "--timezone", "Asia/Shanghai").status == 0)
        for number in 1...40 {
            try digest.write(
                "desk/Content/2019/02/2019-02-\(10 + number % 18)-item-\(number).md",
                "---\ntitle: Item \(number)\ndate: \"2019-02-13T09:15:25+08:00\"\nsection: DIPLOMACY\n---\n\nBody \(number).\n")
        }
        let log = digest.path("serve.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = digest.executable
        process.arguments = ["serve", "--verbose", "--port", "0", "--site", "desk"]
        process.currentDirectoryURL = digest.workFolder
        // The preview's folder goes under the work folder, removed with it.
        let temporary = digest.path("tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": temporary.path]) { _, new in new }
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        func text() -> String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }
        let deadline = Date().addingTimeInterval(60)
        while !text().contains("Serving the preview on"), process.isRunning, Date() < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(text().contains("Serving the preview on"), "\(text())")

        process.interrupt()
        let stopBy = Date().addingTimeInterval(20)
        while process.isRunning, Date() < stopBy { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!process.isRunning, "still running 20 s after Ctrl-C")
        #expect(process.terminationStatus == 0, "\(text())")
        let lines = text().split(separator: "\n")
        // A stop is no failure of the watcher, and the log never prints a service's whole state.
        #expect(!lines.contains { $0.contains("threw error") }, "\(text())")
        #expect(lines.allSatisfy { $0.count < 1_000 }, "a line of \(lines.map(\.count).max() ?? 0) characters")
        #expect(lines.contains { $0.contains("SiteWatcher") }, "the lifecycle's lines name the watcher")
        let previews = try FileManager.default.contentsOfDirectory(atPath: temporary.path)
        #expect(previews.contains { $0.hasPrefix("digest-preview-") }, "the preview's folder, in TMPDIR")
    }
}
