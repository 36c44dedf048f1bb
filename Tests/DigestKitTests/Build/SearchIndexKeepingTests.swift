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
}
