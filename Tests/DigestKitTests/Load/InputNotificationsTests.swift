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
        #expect(notifications.changes().isEmpty)

        try site.write("Content/2019/a.md", articleText(title: "A, edited"))
        #expect(!notifications.changes().isEmpty)
        #expect(notifications.changes().isEmpty, "each change is told once")

        try site.write("Public/index.html", "built")
        try site.write(".digest-cache/build.cache", "cache")
        #expect(notifications.changes().isEmpty)

        // A new folder is told, and watched from then on.
        try site.write("Content/2020/01/b.md", articleText(title: "B"))
        #expect(!notifications.changes().isEmpty)
        try site.write("Content/2020/01/b.md", articleText(title: "B, edited"))
        #expect(!notifications.changes().isEmpty)

        // A folder removed and made again at the same path is watched anew.
        try FileManager.default.removeItem(at: site.url("Content/2020"))
        #expect(!notifications.changes().isEmpty)
        try site.write("Content/2020/01/c.md", articleText(title: "C"))
        #expect(!notifications.changes().isEmpty)
        try site.write("Content/2020/01/c.md", articleText(title: "C, edited"))
        #expect(!notifications.changes().isEmpty)

        try site.write("Templates/page.mustache", "{{title}}")
        #expect(!notifications.changes().isEmpty)
        try site.write("site.yml", "title: Renamed\n")
        #expect(!notifications.changes().isEmpty)
        try FileManager.default.removeItem(at: site.url("Content/2019/a.md"))
        #expect(!notifications.changes().isEmpty)
    }

    /// The preview's watcher waits for the kernel's word rather than looking every few
    /// milliseconds: a wait ends at once when there is news, and only then.
    @Test func aWaitEndsWhenThereIsNews() throws {
        let site = try TempSite(articles: ["2019/a.md": articleText(title: "A")])
        defer { site.remove() }
        let notifications = try #require(InputNotifications(siteDirectory: site.root))
        #expect(!notifications.waitForNews(milliseconds: 20))
        try site.write("Content/2019/a.md", articleText(title: "A, edited"))
        let start = ContinuousClock.now
        #expect(notifications.waitForNews(milliseconds: 10_000))
        #expect(ContinuousClock.now - start < .seconds(2))
        #expect(!notifications.changes().isEmpty)
        #expect(!notifications.waitForNews(milliseconds: 20), "the news was read")
    }

    /// Where the kernel tells of every change (local disks), the watcher's look without word
    /// from it comes seldom; elsewhere (network shares, FUSE, anything unknown) often.
    @Test func localDisksAreToldFromOthers() throws {
        #expect(InputNotifications.fileSystemType(of: "/proc/self") == "proc")
        #expect(!InputNotifications.isOnLocalDisk("/proc"), "procfs is no disk the watcher knows")
        #expect(InputNotifications.fileSystemType(of: "/") != nil)
        let site = try TempSite()
        defer { site.remove() }
        let notifications = try #require(InputNotifications(siteDirectory: site.root))
        #expect(notifications.inputsAreLocal == InputNotifications.isOnLocalDisk(site.root.path))
    }

    /// `Content/` as a link pointed at another folder while watched: everything is read, and
    /// edits in the new folder are named as `Content/`'s from then on.
    @Test func aContentLinkPointedElsewhereIsFollowed() throws {
        let site = try TempSite()
        defer { site.remove() }
        let (first, second) = (site.url("desk-a"), site.url("desk-b"))
        try site.write("desk-a/2019/a.md", articleText(title: "A"))
        try site.write("desk-b/2020/b.md", articleText(title: "B"))
        try FileManager.default.removeItem(at: site.url("Content"))
        try FileManager.default.createSymbolicLink(at: site.url("Content"), withDestinationURL: first)
        let notifications = try #require(InputNotifications(siteDirectory: site.root))
        try FileManager.default.removeItem(at: site.url("Content"))
        try FileManager.default.createSymbolicLink(at: site.url("Content"), withDestinationURL: second)
        #expect(notifications.changes().everything)
        try site.write("desk-b/2020/b.md", articleText(title: "B, edited"))
        #expect(notifications.changes() == InputChanges(contentFolders: ["2020"]))
        try site.write("desk-a/2019/a.md", articleText(title: "A, edited"))
        #expect(notifications.changes().isEmpty, "the old folder is no input any more")
    }

    @Test func theFoldersOfChangesAreNamed() throws {
        let site = try TempSite(articles: ["2019/01/a.md": articleText(title: "A"), "2019/02/b.md": articleText(title: "B")])
        defer { site.remove() }
        let notifications = try #require(InputNotifications(siteDirectory: site.root))
        try site.write("Content/2019/01/a.md", articleText(title: "A, edited"))
        #expect(notifications.changes() == InputChanges(contentFolders: ["2019/01"]))
        try site.write("Content/2019/03/c.md", articleText(title: "C"))
        #expect(notifications.changes().contentFolders.contains("2019"), "a new folder is named by its parent")
        try site.write("Templates/page.mustache", "{{title}}")
        #expect(notifications.changes() == InputChanges(settings: true))
        try site.write("site.yml", "title: Renamed\n")
        #expect(notifications.changes() == InputChanges(settings: true))
        try site.write("Public/index.html", "built")
        #expect(notifications.changes().isEmpty)
    }

    /// Random edits, additions, moves and removals of files and folders: after each round, the
    /// last reading read again where the kernel said is the same as a whole new reading.
    @Test func readingAgainWhereToldKeepsUpWithRandomChanges() throws {
        let site = try TempSite(articles: ["2019/01/a.md": articleText(title: "A")])
        defer { site.remove() }
        let notifications = try #require(InputNotifications(siteDirectory: site.root))
        var random = SeededRandom(seed: 20_261_202)
        let folders = ["", "2019", "2019/01", "2019/02", "2020/07", "2020/08/late", "x"]
        var reading = InputStamps.read(siteDirectory: site.root)
        for round in 0..<60 {
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let folder = folders.randomElement(using: &random)!
                let file = "Content/" + (folder.isEmpty ? "" : folder + "/") + "f\(Int.random(in: 0..<4, using: &random)).md"
                switch Int.random(in: 0..<10, using: &random) {
                case 0..<5: try site.write(file, articleText(title: "Round \(round) \(String(repeating: "x", count: round))"))
                case 5..<7: try? FileManager.default.removeItem(at: site.url(file))
                case 7:
                    let target = "Content/" + folders.randomElement(using: &random)! + "/moved\(round).md"
                    try? FileManager.default.createDirectory(at: site.url(target).deletingLastPathComponent(), withIntermediateDirectories: true)
                    try? FileManager.default.moveItem(at: site.url(file), to: site.url(target))
                case 8: if !folder.isEmpty { try? FileManager.default.removeItem(at: site.url("Content/" + folder)) }
                default:
                    // Into a folder deeper down, or up to `Content/` itself.
                    let parent = ["", "2019/", "2020/08/"].randomElement(using: &random)!
                    if !folder.isEmpty {
                        try? FileManager.default.moveItem(at: site.url("Content/" + folder), to: site.url("Content/\(parent)renamed-\(round)"))
                    }
                }
            }
            reading = reading.reading(again: notifications.changes())
            let whole = InputStamps.read(siteDirectory: site.root)
            let same = reading == whole
            #expect(same, "round \(round): \(whole.changes(since: reading))")
            if !same { return }
        }
    }
}
#endif
