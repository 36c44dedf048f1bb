#if canImport(Glibc)
import Foundation
import Testing

@testable import DigestKit

/// The kernel's word on the inputs: edits, additions and removals in `Content/` (new folders
/// included), `Templates/` and `site.yml` are told; what a build writes beside them is not.
@Suite struct InputNotificationsTests {
    @Test func changesToInputsAreToldAndTheOutputIsNot() throws {
        let site = try TempSite(articles: ["2019/a.md": articleText(title: "A")])
        defer { site.remove() }
        let notifications = try #require(InputNotifications(siteDirectory: site.root))
        #expect(!notifications.changed())

        try site.write("Content/2019/a.md", articleText(title: "A, edited"))
        #expect(notifications.changed())
        #expect(!notifications.changed(), "each change is told once")

        try site.write("Public/index.html", "built")
        try site.write(".digest-cache/build.cache", "cache")
        #expect(!notifications.changed())

        // A new folder is told, and watched from then on.
        try site.write("Content/2020/01/b.md", articleText(title: "B"))
        #expect(notifications.changed())
        try site.write("Content/2020/01/b.md", articleText(title: "B, edited"))
        #expect(notifications.changed())

        // A folder removed and made again at the same path is watched anew.
        try FileManager.default.removeItem(at: site.url("Content/2020"))
        #expect(notifications.changed())
        try site.write("Content/2020/01/c.md", articleText(title: "C"))
        #expect(notifications.changed())
        try site.write("Content/2020/01/c.md", articleText(title: "C, edited"))
        #expect(notifications.changed())

        try site.write("Templates/page.mustache", "{{title}}")
        #expect(notifications.changed())
        try site.write("site.yml", "title: Renamed\n")
        #expect(notifications.changed())
        try FileManager.default.removeItem(at: site.url("Content/2019/a.md"))
        #expect(notifications.changed())
    }
}
#endif
