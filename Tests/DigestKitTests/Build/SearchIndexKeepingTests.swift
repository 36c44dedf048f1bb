import Foundation
import Testing

@testable import DigestKit

/// The search index keeps and patches the last build's files while it renders: what it keeps
/// must stay in the output and in the next build's manifest, and a file no longer as that
/// build left it must be made again.
@Suite struct SearchIndexKeepingTests {
    typealias Incremental = IncrementalBuildTests

    /// After a body edit, the unchanged search files are kept (not removed as stale), and
    /// recorded: the next rebuild without a change writes nothing at all.
    @Test func keptSearchFilesStayAndAreRecordedForTheNextBuild() throws {
        let site = try Incremental.makeSite()
        defer { site.remove() }
        try Incremental.cachedBuild(site)
        try site.write("Content/a5.md", Incremental.article(5, body: "A new body with a [link](https://example.org)."))
        let edited = try Incremental.cachedBuild(site)
        #expect(edited.incremental && edited.report.removed == 0)
        try Incremental.expectSameAsClean(site, "a body edit")
        let cache = try #require(BuildCache.load(from: site.root, generator: GeneratorIdentity.current))
        let searchFiles = try snapshot(of: site.output).keys.filter { $0.hasPrefix("search/") }
        #expect(searchFiles.count > 3 && searchFiles.allSatisfy { cache.files[$0] != nil })

        let again = try Incremental.cachedBuild(site)
        #expect(again.report.written == 0 && again.report.removed == 0)
    }

    /// Shards and documents altered or gone since the last build are made again, whether the
    /// rebuild patches the index (a body edit) or compares every document.
    @Test(arguments: [false, true])
    func searchFilesAlteredOnDiskAreMadeAgain(structureChanged: Bool) throws {
        let site = try Incremental.makeSite()
        defer { site.remove() }
        try Incremental.cachedBuild(site)
        let files = try snapshot(of: site.output).keys.filter { $0.hasPrefix("search/") }.sorted()
        let shard = try #require(files.first { $0.hasPrefix("search/terms/") })
        let document = try #require(files.first { $0.hasPrefix("search/docs/") })
        try Data("tampered".utf8).write(to: site.output.appendingPathComponent(shard))
        try FileManager.default.removeItem(at: site.output.appendingPathComponent(document))
        try site.write(
            "Content/a5.md",
            structureChanged
                ? Incremental.article(5, title: "Briefing 5 renamed") : Incremental.article(5, body: "A new body."))

        let summary = try Incremental.cachedBuild(site)
        #expect(summary.incremental)
        try Incremental.expectSameAsClean(site, "tampering with the search index")
    }

    /// A template edit changes every document's fingerprint, so each is made again (as a first
    /// build makes them, handed over as they come): the output is a clean build's, the shards,
    /// facets and manifest, whose bytes stay, are left in place, and every file is recorded, so
    /// the next build writes nothing.
    @Test func documentsAllMadeAgainLeaveTheSameIndexRecorded() throws {
        let site = try Incremental.makeSite()
        defer { site.remove() }
        try Incremental.cachedBuild(site)
        let shared = ["search/index-data.js"] + (try snapshot(of: site.output).keys.filter { $0.hasPrefix("search/terms/") || $0.hasPrefix("search/facets/") })
        func inodes() throws -> [String: UInt64] {
            try Dictionary(
                uniqueKeysWithValues: shared.map { path in
                    (
                        path,
                        try #require(FileManager.default.attributesOfItem(atPath: site.output.appendingPathComponent(path).path)[.systemFileNumber] as? UInt64)
                    )
                })
        }
        let before = try inodes()
        let item = site.url("Templates/partials/item.mustache")
        try (try String(contentsOf: item, encoding: .utf8) + "\n").write(to: item, atomically: true, encoding: .utf8)

        try Incremental.cachedBuild(site)
        try Incremental.expectSameAsClean(site, "a template edit")
        let after = try inodes()
        #expect(shared.count > 3 && after == before)
        let again = try Incremental.cachedBuild(site)
        #expect(again.report.written == 0 && again.report.removed == 0)
    }

    /// Folders carried over keep the recorded files directly in them but the excepted ones:
    /// subfolders, lookalike prefixes and other editions' folders are left out, and nothing is
    /// kept when a file that would be was altered since.
    @Test func carriedOverFoldersKeepTheirRecordedFilesButTheExcepted() {
        let paths = [
            "index.html", "search/index-data.js", "search/docs/0.js", "search/docs/1.js", "search/docs/old/2.js",
            "search/docsx/3.js", "search/terms/t_ab.js", "zh/search/docs/0.js", "zh/search/facets/s.js", "articles/a/index.html",
        ]
        let stamp = FileStamp(size: 1, seconds: 0, nanoseconds: 0, inode: 0, changeSeconds: 0, changeNanoseconds: 0)
        let files = Dictionary(uniqueKeysWithValues: paths.map { ($0, BuildCache.FileRecord(fingerprint: 0, stamp: stamp, isPage: $0.hasSuffix(".html"))) })
        let cases: [(folders: [String], except: Set<String>, kept: [String])] = [
            (["search/docs/"], [], ["search/docs/0.js", "search/docs/1.js"]),
            (["search/docs/", "search/terms/", "search/facets/"], ["search/docs/1.js", "search/docs/9.js"], ["search/docs/0.js", "search/terms/t_ab.js"]),
            (["zh/search/docs/", "zh/search/facets/"], [], ["zh/search/docs/0.js", "zh/search/facets/s.js"]),
        ]
        for (folders, except, expected) in cases {
            for keepsPages in [false, true] {
                let keeping = SearchIndexKeeping(last: .init(files: files, altered: []), output: nil)
                #expect(keeping.carryOver(folders: folders, except: except))
                let others = Dictionary(grouping: files.filter { !$0.value.isPage }.keys, by: OutputFile.folder(of:))
                var kept = KeptOutput(lastBuild: files, otherFilesByFolder: keepsPages ? others : nil)
                if keepsPages { kept.keepRecordedPages(except: []) }
                kept.keepRecordedFiles(in: keeping.decisions.keptFolders)
                let settled = kept.settled()
                let keptFiles = paths.filter { settled.contains($0) && !$0.hasSuffix(".html") }.sorted()
                #expect(keptFiles == expected, "\(folders) but \(except)")
                #expect(settled.count == expected.count + (keepsPages ? 2 : 0))
                #expect(Set(settled.recordedNotKept ?? []) == Set(paths.filter { !settled.contains($0) }))
            }
            let altered = SearchIndexKeeping(last: .init(files: files, altered: Set(expected.prefix(1))), output: nil)
            #expect(!altered.carryOver(folders: folders, except: except) && altered.decisions.keptFolders.isEmpty)
        }
    }
}
