import Foundation
import Synchronization
import Testing

@testable import DigestKit

/// A load from a reading takes the last one's sources where nothing changed: what it gives is
/// what loading everything again gives, and the cache is asked only about the files that
/// changed.
@Suite struct ContentLoaderUnchangedTests {
    /// Trusts every stamp, as a cache that knows every file would (the real one also waits two
    /// seconds after a file changed), counting what it is asked.
    final class Trust: Sendable {
        let asked = Mutex(0)

        func trusts() -> @Sendable (String, FileStamp) -> Bool {
            { [self] _, _ in
                asked.withLock { $0 += 1 }
                return true
            }
        }
    }

    static func site() throws -> TempSite {
        var articles: [String: String] = [:]
        for index in 0..<6 { articles["2019/0\(index % 2 + 1)/a\(index).md"] = "---\ntitle: A\(index)\n---\nBody \(index).\n" }
        let site = try TempSite(articles: articles)
        try site.write("Content/2019/01/chart.png", "not an article")
        return site
    }

    static func load(_ site: TempSite, last: ContentSnapshot?, trust: Trust) -> ContentSnapshot {
        ContentLoader(siteDirectory: site.root).load(trusts: trust.trusts, listed: InputStamps.read(siteDirectory: site.root), last: last)
    }

    static func expectSame(_ taken: ContentSnapshot, _ loaded: ContentSnapshot, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(taken.sources == loaded.sources && taken.assets == loaded.assets, sourceLocation: sourceLocation)
        #expect(taken.listing?.stamps == loaded.listing?.stamps, sourceLocation: sourceLocation)
    }

    @Test func anEditedFileIsLoadedAgainAndTheRestTakenAsTheyWere() throws {
        let site = try Self.site()
        defer { site.remove() }
        let first = Self.load(site, last: nil, trust: Trust())
        #expect(first.sources.count == 6 && first.sources.allSatisfy(\.unread) && first.assets == ["Content/2019/01/chart.png"])

        try site.write("Content/2019/02/a3.md", "---\ntitle: A3\n---\nEdited.\n")
        let trust = Trust()
        let taken = Self.load(site, last: first.withoutBytes, trust: trust)
        #expect(trust.asked.withLock { $0 } == 1, "only the edited file is asked about")
        Self.expectSame(taken, Self.load(site, last: nil, trust: Trust()))
        let edited = try #require(taken.sources.first { $0.path == "Content/2019/02/a3.md" })
        #expect(edited.stamp != nil && edited.stamp != first.sources.first { $0.path == edited.path }?.stamp)
    }

    /// A file read last time (not trusted then) is loaded again even when its stamp stayed;
    /// a file added, removed or renamed, or a link, has everything loaded again.
    @Test func filesReadLastTimeAndChangedListsAreLoadedAgain() throws {
        let site = try Self.site()
        defer { site.remove() }
        let distrust = ContentLoader(siteDirectory: site.root).load(
            trusts: { { _, _ in false } }, listed: InputStamps.read(siteDirectory: site.root))
        #expect(distrust.sources.allSatisfy { !$0.unread })
        let trust = Trust()
        Self.expectSame(Self.load(site, last: distrust.withoutBytes, trust: trust), Self.load(site, last: nil, trust: Trust()))
        #expect(trust.asked.withLock { $0 } == 6)

        let first = Self.load(site, last: nil, trust: Trust())
        let changes: [(String, () throws -> Void)] = [
            ("an addition", { try site.write("Content/2019/01/a9.md", "---\ntitle: A9\n---\nNew.\n") }),
            ("a removal", { try FileManager.default.removeItem(at: site.url("Content/2019/01/a0.md")) }),
            ("a rename", { try FileManager.default.moveItem(at: site.url("Content/2019/01/a2.md"), to: site.url("Content/2019/01/b2.md")) }),
        ]
        for (what, change) in changes {
            try change()
            let trust = Trust()
            let taken = Self.load(site, last: first.withoutBytes, trust: trust)
            Self.expectSame(taken, Self.load(site, last: nil, trust: Trust()))
            #expect(trust.asked.withLock { $0 } == taken.sources.count, "after \(what), every file is asked about")
        }
    }
}
