import Foundation
import Testing

@testable import DigestKit

/// What a rebuild works out about the last build's files without asking about each one: the
/// files it does not keep, and the folder table it leaves for the next build.
@Suite struct RebuildBookkeepingTests {
    typealias Incremental = IncrementalBuildTests

    static let stamp = FileStamp(size: 1, seconds: 1, nanoseconds: 0, inode: 1, changeSeconds: 1, changeNanoseconds: 0)

    static func lastBuild() -> [String: BuildCache.FileRecord] {
        var files: [String: BuildCache.FileRecord] = [:]
        for page in ["index.html", "a/index.html", "b/index.html", "c/index.html"] {
            files[page] = .init(fingerprint: 1, stamp: stamp, isPage: true)
        }
        for other in ["search/docs/0.js", "search/docs/1.js", "search/docs/2.js", "newsletters/1.html", "style.css"] {
            files[other] = .init(fingerprint: 2, stamp: stamp)
        }
        return files
    }

    /// `recordedNotKept` and the records kept are exactly what asking `contains` of every
    /// recorded file gives, with the recorded pages kept and without, and with the files that
    /// are not pages grouped by folder (as a session's records have them) and without.
    @Test(arguments: [false, true], [false, true])
    func theFilesNotKeptAreWhatContainsLeavesOut(keepsPages: Bool, grouped: Bool) {
        let last = Self.lastBuild()
        let others = Dictionary(grouping: last.filter { !$0.value.isPage }.keys, by: OutputFile.folder(of:))
        var kept = KeptOutput(lastBuild: last, otherFilesByFolder: grouped ? others : nil)
        // As plans do: pages are kept all but a few, or one by one.
        if keepsPages { kept.keepRecordedPages(except: ["b/index.html", "gone/index.html"]) } else { kept.keep("a/index.html") }
        for file in ["search/docs/1.js", "style.css"] { kept.keep(file) }
        // As the search index does: a folder's files, but those it made.
        kept.keepRecordedFiles(in: [.init(path: "search/docs/", except: ["search/docs/0.js", "search/docs/7.js"])])
        let settled = kept.settled()
        let expected = Set(last.keys.filter { !kept.contains($0) })
        #expect(Set(settled.recordedNotKept ?? []) == expected)
        #expect(settled.recordedNotKept?.count == expected.count)
        #expect(Set(settled.records.keys) == Set(last.keys).subtracting(expected))
        #expect(Set(kept.records.keys) == Set(settled.records.keys))
        let files = settled.keptFiles
        #expect(files.count == last.count - expected.count)
        #expect(last.keys.allSatisfy { files.contains($0) == !expected.contains($0) })
    }

    /// After rebuilds that add folders, remove them and add search files, every folder
    /// holding a recorded file has its current stamp in the cache, and no folder that is gone
    /// is left in it; files others put in the output afterwards still go.
    @Test func theFolderTableFollowsTheOutput() throws {
        let site = try Incremental.makeSite()
        defer { site.remove() }
        try Incremental.cachedBuild(site)
        let edits: [(String, String?)] = [
            ("Content/a5.md", Incremental.article(5, body: "Quixotic zephyrs vex unusual words 41125.")),
            ("Content/new.md", Incremental.article(30, title: "A new one", day: 27)),
            ("Content/a7.md", nil),
            ("Content/a9.md", Incremental.article(9, body: "Another new word: xylograph.")),
        ]
        for (path, text) in edits {
            if let text { try site.write(path, text) } else { try FileManager.default.removeItem(at: site.url(path)) }
            let summary = try Incremental.cachedBuild(site)
            #expect(summary.incremental)
            let cache = try #require(BuildCache.load(from: site.root, generator: GeneratorIdentity.current))
            let root = try #require(OpenFolder(site.output.path))
            for folder in OutputListing.folders(holding: cache.files.keys) {
                #expect(cache.folders[folder] == FileStamp(folder: folder, in: root), "after editing \(path): \(folder)")
            }
            for (folder, stamp) in cache.folders {
                #expect(FileStamp(folder: folder, in: root) == stamp, "after editing \(path): \(folder) is gone or changed")
            }
            try Incremental.expectSameAsClean(site, "editing \(path)")
        }
        // Long enough after the stamps were taken that a changed folder's times are trusted.
        Thread.sleep(forTimeInterval: 0.15)
        for path in ["2019/02/27/new/stray.txt", "search/docs/stray.js", "stray/deeper/page.html"] {
            try site.write("Public/" + path, "not ours")
        }
        try site.write("Content/a3.md", Incremental.article(3, body: "Edited after others wrote into the output."))
        let summary = try Incremental.cachedBuild(site)
        #expect(summary.report.removed == 3)
        try Incremental.expectSameAsClean(site, "files added to the output")
    }
}
