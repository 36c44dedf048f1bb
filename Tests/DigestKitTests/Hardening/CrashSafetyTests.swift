import Foundation
import Synchronization
import Testing

@testable import DigestKit

/// `digest build` killed with SIGKILL at random moments. A full build (`--clean`) swaps the whole
/// folder: whatever the moment, the output holds the old site or the new one, byte for byte. An
/// incremental build moves changed files in one by one: every file is whole, and a folder caught
/// half-way is marked so the next build replaces it. Either way the next build finishes the job.
@Suite(.serialized) struct CrashSafetyTests {
    static let sections = ["DIPLOMACY", "ECONOMY", "TECHNOLOGY", "DEFENSE"]
    static let tags = ["trade", "cybersecurity", "tariffs", "5G", "climate", "energy", "网络安全", "EU", "ASEAN"]
    static let speakers = ["Hua Chunying", "Geng Shuang", "Lu Kang", "Wang Yi"]

    /// Article `index` of the generated site; `revision` changes its body (and, for some, title).
    static func generatedArticle(_ index: Int, revision: Int) -> String {
        let day = 1 + index % 28
        let title = revision > 0 && index % 5 == 0 ? "Briefing \(index) revised" : "Briefing \(index)"
        let body = (0..<8).map { paragraph in
            "Paragraph \(paragraph) of briefing \(index), revision \(revision): *tariffs*, [trade](https://example.org/\(index))."
        }.joined(separator: "\n\n")
        return articleText(
            title: "\"\(title)\"",
            date: "\"2019-0\(1 + index % 3)-\(day < 10 ? "0" : "")\(day)T\(10 + index % 12):15:00+08:00\"",
            section: sections[index % sections.count],
            extra: "tags: [\(tags[index % tags.count]), \(tags[(index / 3) % tags.count])]\n"
                + "speakers: [\(speakers[index % speakers.count])]\nsummary: Summary of \(index).\n",
            body: body)
    }

    /// Writes the generated site's content for `revision`: revision 1 edits every third
    /// article, adds 20 and removes 10, so the new site differs in pages of every kind.
    static func writeContent(_ site: TempSite, count: Int, revision: Int) throws {
        let content = site.url("Content")
        try? FileManager.default.removeItem(at: content)
        let indices = revision == 0 ? Array(0..<count) : Array(10..<(count + 20))
        for index in indices {
            try site.write(
                "Content/\(index % 12)/a\(index).md",
                generatedArticle(index, revision: revision > 0 && index % 3 == 0 ? revision : 0))
        }
    }

    /// `digest` built beside the tests (`swift build --build-tests` builds every product).
    static func executable() throws -> URL {
        let build = repositoryRoot.appendingPathComponent(".build")
        let candidates =
            [build.appendingPathComponent("debug/digest")]
            + ((try? FileManager.default.contentsOfDirectory(atPath: build.path)) ?? [])
            .map { build.appendingPathComponent("\($0)/debug/digest") }
        return try #require(
            candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) },
            "build the digest product first: swift build --build-tests")
    }

    static func startBuild(site: URL, output: URL, clean: Bool = false) throws -> Process {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = ["build", "--site", site.path, "--output", output.path, "-q"] + (clean ? ["--clean"] : [])
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs a build to the end; returns its exit status and how long it took.
    @discardableResult
    static func build(site: URL, output: URL, clean: Bool = false) throws -> (status: Int32, seconds: Double) {
        let start = ContinuousClock.now
        let process = try startBuild(site: site, output: output, clean: clean)
        process.waitUntilExit()
        let elapsed = ContinuousClock.now - start
        return (process.terminationStatus, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    @Test func killedBuildsLeaveTheOldOrTheNewSiteAndTheNextBuildFinishes() throws {
        let site = try TempSite()
        defer { site.remove() }
        let count = 200
        let output = site.url("Out/Public")
        let pristine = site.url("pristine-old")
        let expectedNew = site.url("expected-new")

        try Self.writeContent(site, count: count, revision: 0)
        #expect(try Self.build(site: site.root, output: output, clean: true).status == 0)
        let old = try snapshot(of: output)
        try FileManager.default.copyItem(at: output, to: pristine)
        try Self.writeContent(site, count: count, revision: 1)
        let (status, seconds) = try Self.build(site: site.root, output: expectedNew, clean: true)
        #expect(status == 0)
        let new = try snapshot(of: expectedNew)
        #expect(old.count > 300 && new.count > 300, "\(old.count) and \(new.count) files")
        #expect(old != new)

        let parent = output.deletingLastPathComponent()
        var outcomes: [String] = []
        var rng = SystemRandomNumberGenerator()
        for round in 0..<5 {
            // Reset: the old site in place, no leftovers from the previous round.
            for name in ["Public", ".Public.staging", ".Public.old"] {
                try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
            }
            try FileManager.default.copyItem(at: pristine, to: output)

            // Spread the kills over the whole build, a few of them late, where the writer works.
            let delay = round == 0 ? 0.01 : Double.random(in: 0.2...1.1, using: &rng) * seconds
            let process = try Self.startBuild(site: site.root, output: output, clean: true)
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            let killed = process.terminationReason == .uncaughtSignal
            let state: String
            if !FileManager.default.fileExists(atPath: output.path) {
                state = "missing"
            } else {
                let files = try snapshot(of: output)
                state = files == old ? "old" : files == new ? "new" : "mixed"
                #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(SiteWriter.markerName).path))
            }
            outcomes.append(String(format: "%.2fs %@ → %@", delay, killed ? "killed" : "finished", state))
            #expect(state == "old" || state == "new", "round \(round): after a kill at \(delay) s the output is \(state)")

            // Whatever the kill left behind, the next build recovers and writes the new site.
            #expect(try Self.build(site: site.root, output: output, clean: true).status == 0)
            #expect(try snapshot(of: output) == new, "round \(round): the build after the kill did not give the new site")
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: parent.path).filter { $0.hasPrefix(".Public") }
            #expect(leftovers.isEmpty, "\(leftovers)")
        }
        print("crash safety: full build \(String(format: "%.2f", seconds)) s; kills: \(outcomes.joined(separator: ", "))")
    }

    @Test func killedIncrementalBuildsLeaveWholeFilesAndTheNextBuildFinishes() throws {
        let site = try TempSite()
        defer { site.remove() }
        let count = 200
        let output = site.url("Out/Public")
        let cache = site.url(BuildCache.folderName)
        let pristine = site.url("pristine-old")
        let pristineCache = site.url("pristine-cache")
        let expectedNew = site.url("expected-new")

        try Self.writeContent(site, count: count, revision: 0)
        #expect(try Self.build(site: site.root, output: output).status == 0)
        let old = try snapshot(of: output)
        // Hard links keep each file's inode and time, so the cache still recognises the
        // restored folder as its own and the next build is an incremental one.
        try linkTree(output, to: pristine)
        try FileManager.default.copyItem(at: cache, to: pristineCache)
        try Self.writeContent(site, count: count, revision: 1)
        #expect(try Self.build(site: site.root, output: expectedNew, clean: true).status == 0)
        let new = try snapshot(of: expectedNew)
        #expect(old != new)

        let parent = output.deletingLastPathComponent()
        func restore() throws {
            for name in ["Public", ".Public.staging", ".Public.old"] {
                try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
            }
            try? FileManager.default.removeItem(at: cache)
            try linkTree(pristine, to: output)
            try FileManager.default.copyItem(at: pristineCache, to: cache)
        }
        // How long an incremental build of these changes takes, to spread the kills over it.
        try restore()
        let (status, seconds) = try Self.build(site: site.root, output: output)
        #expect(status == 0)
        #expect(try snapshot(of: output) == new, "the incremental build did not give the new site")

        var outcomes: [String] = []
        for round in 0..<6 {
            try restore()
            let delay = Double(round) / 5 * seconds
            let process = try Self.startBuild(site: site.root, output: output)
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            let files = try snapshot(of: output)
            let interrupted = FileManager.default.fileExists(atPath: output.appendingPathComponent(SiteWriter.journalName).path)
            let state = files == old ? "old" : files == new ? "new" : "mixed"
            outcomes.append(String(format: "%.2fs → %@%@", delay, state, interrupted ? " (marked)" : ""))
            // A file is never cut short: each is its old or its new version.
            for (path, bytes) in files where path != SiteWriter.journalName {
                #expect(bytes == old[path] || bytes == new[path], "round \(round): \(path) is neither old nor new")
            }
            // A folder between the two is marked, and only then.
            #expect(state != "mixed" || interrupted, "round \(round): a mixed output without the mark")

            #expect(try Self.build(site: site.root, output: output).status == 0)
            #expect(try snapshot(of: output) == new, "round \(round): the build after the kill did not give the new site")
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: parent.path).filter { $0.hasPrefix(".Public") }
            #expect(leftovers.isEmpty, "\(leftovers)")
        }
        print("crash safety: incremental build \(String(format: "%.2f", seconds)) s; kills: \(outcomes.joined(separator: ", "))")
    }

    /// The swap itself: a reader polling the output folder while builds swap it in must never
    /// find it missing. With two renames (output → .old, staging → output) there is a moment
    /// with no output folder; a crash there leaves none until the next build.
    @Test func readersNeverSeeTheOutputFolderMissingDuringASwap() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("digest-swap-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("Public")
        let writer = SiteWriter(output: output)
        _ = try writer.write([.text("index.html", "0")])

        let done = Locked(false)
        let missing = Locked(0)
        let path = output.path
        let reader = Thread {
            var seen = 0
            while !done.value {
                if access(path, F_OK) != 0 { seen += 1 }
            }
            missing.value = seen
        }
        reader.start()
        for round in 1...300 {
            _ = try writer.write([.text("index.html", "\(round)")])
        }
        done.value = true
        while !reader.isFinished { Thread.sleep(forTimeInterval: 0.001) }
        #expect(missing.value == 0, "the output folder was missing \(missing.value) times")
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "300")
    }
}

/// Recreates `source` at `destination` with every file hard-linked, not copied.
func linkTree(_ source: URL, to destination: URL) throws {
    let fileManager = FileManager.default
    try fileManager.createDirectory(at: destination, withIntermediateDirectories: true)
    for name in try fileManager.contentsOfDirectory(atPath: source.path) {
        let from = source.appendingPathComponent(name)
        let to = destination.appendingPathComponent(name)
        var isFolder: ObjCBool = false
        _ = fileManager.fileExists(atPath: from.path, isDirectory: &isFolder)
        if isFolder.boolValue {
            try linkTree(from, to: to)
        } else {
            try fileManager.linkItem(at: from, to: to)
        }
    }
}

/// A value shared with a thread.
final class Locked<Value: Sendable>: Sendable {
    private let stored: Mutex<Value>

    init(_ value: Value) { stored = Mutex(value) }

    var value: Value {
        get { stored.withLock { $0 } }
        set { stored.withLock { $0 = newValue } }
    }
}
