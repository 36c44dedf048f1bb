import Foundation
import Testing

@testable import DigestKit

@Suite struct ContentLoaderTests {
    /// A rebuild hands the loader its trusted stamps late (the cache decodes meanwhile): they
    /// are asked for once, after every file is stamped, and decide which files stay unread.
    @Test func trustedStampsAreAskedForOnceAndLeaveThoseFilesUnread() throws {
        let site = try TempSite(articles: ["a.md": "A", "b.md": "B", "c.md": "C"])
        defer { site.remove() }
        let stamps = ["a.md", "b.md"].reduce(into: [String: FileStamp]()) { stamps, name in
            stamps["Content/\(name)"] = FileStamp(path: site.url("Content/\(name)").path)
        }
        #expect(stamps.count == 2)
        let asked = Gathered<Int>()
        let snapshot = ContentLoader(siteDirectory: site.root).load(trusts: {
            asked.insert(asked.all.count)
            return { stamps[$0] == $1 }
        })
        #expect(asked.all.count == 1)
        let byPath = Dictionary(uniqueKeysWithValues: snapshot.sources.map { ($0.path, $0) })
        #expect(byPath["Content/a.md"]?.unread == true && byPath["Content/a.md"]?.bytes.isEmpty == true)
        #expect(byPath["Content/b.md"]?.unread == true)
        #expect(byPath["Content/c.md"]?.unread == false && byPath["Content/c.md"]?.bytes == Data("C".utf8))
        #expect(byPath["Content/a.md"]?.stamp == stamps["Content/a.md"])
    }
}
