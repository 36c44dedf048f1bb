import Foundation
import Testing

@testable import DigestKit

/// What the preview polls: any edit, addition or removal of an input changes the reading;
/// hidden files (an editor's swap file) and the output do not.
@Suite struct InputStampsTests {
    func reading(_ site: TempSite) -> InputStamps { InputStamps.read(siteDirectory: site.root) }

    @Test func everyKindOfChangeToAnInputShows() throws {
        let site = try TempSite(articles: ["2019/a.md": articleText(title: "A"), "b.md": articleText(title: "B")])
        defer { site.remove() }
        let first = reading(site)
        #expect(reading(site) == first)
        #expect(first.count > 3, "the articles, the templates and site.yml")

        // Same length, other bytes: only the file's times tell.
        let text = try String(contentsOf: site.url("Content/b.md"), encoding: .utf8)
        try site.write("Content/b.md", text.replacingOccurrences(of: "B", with: "C"))
        var now = reading(site)
        #expect(now.changes(since: first) == ["Content/b.md"])

        try site.write("Content/2019/c.md", articleText(title: "C"))
        #expect(reading(site).changes(since: now) == ["Content/2019/c.md"])
        now = reading(site)

        try FileManager.default.removeItem(at: site.url("Content/2019/a.md"))
        #expect(reading(site).changes(since: now) == ["Content/2019/a.md"])
        now = reading(site)

        try site.write("Templates/page.mustache", "{{title}}")
        #expect(reading(site).changes(since: now) == ["Templates/page.mustache"])
        now = reading(site)

        try site.write("site.yml", "title: Renamed\n")
        #expect(reading(site).changes(since: now) == ["site.yml"])
    }

    /// The watcher reads again only the folders the kernel named: the same reading as a whole
    /// new one when those are all that changed, and what was not named kept as it was.
    @Test func aReadingMadeAgainWhereToldIsAWholeReading() throws {
        let site = try TempSite(articles: [
            "2019/01/a.md": articleText(title: "A"), "2019/02/b.md": articleText(title: "B"),
            "2019/03/c.md": articleText(title: "C"), "2021/d.md": articleText(title: "D"), "top.md": articleText(title: "Top"),
        ])
        defer { site.remove() }
        let first = reading(site)
        try site.write("Content/2019/01/a.md", articleText(title: "A, edited at length"))
        try site.write("Content/2019/02/new.md", articleText(title: "New"))
        try site.write("Content/2019/04/nested/deep.md", articleText(title: "Deep"))
        try FileManager.default.removeItem(at: site.url("Content/2019/03"))
        try site.write("Templates/page.mustache", "{{title}}")
        let again = first.reading(again: InputChanges(contentFolders: ["2019/01", "2019/02", "2019"], settings: true))
        #expect(again == reading(site))
        #expect(again.readAtSeconds == first.readAtSeconds, "it keeps stamps taken then")

        // A change where the kernel said nothing is not seen until a whole reading.
        try site.write("Content/2021/d.md", articleText(title: "D, edited at length"))
        let told = again.reading(again: InputChanges(contentFolders: ["2019/01"]))
        #expect(told == again)
        #expect(told != reading(site))
        #expect(told.reading(again: InputChanges(contentFolders: [""])) == reading(site))
        try site.write("site.yml", "title: Renamed\n")
        #expect(told.reading(again: .all) == reading(site))
        #expect(told.reading(again: InputChanges(settings: true)).changes(since: told).contains("site.yml"))
    }

    @Test func hiddenFilesAndTheOutputDoNotCount() throws {
        let site = try TempSite(articles: ["a.md": articleText(title: "A")])
        defer { site.remove() }
        let first = reading(site)
        try site.write("Content/.a.md.swp", "editor state")
        try site.write("Content/.git/index", "x")
        try site.write("Public/index.html", "built")
        try site.write(".digest-cache/build.cache", "x")
        #expect(reading(site) == first)
    }

    /// A reading handed to the loader stands for its own listing and stamping: a file added
    /// after the reading waits for the next one, and a reading of another site is ignored.
    @Test func theLoaderListsTheContentFromAReadingOfTheSameSite() throws {
        let site = try TempSite(articles: ["a.md": articleText(title: "A"), "2019/b.md": articleText(title: "B")])
        let other = try TempSite(articles: ["c.md": articleText(title: "C")])
        defer {
            site.remove()
            other.remove()
        }
        let reading = reading(site)
        try site.write("Content/late.md", articleText(title: "Late"))
        let loader = ContentLoader(siteDirectory: site.root)

        let listed = loader.load(trusts: { { _, _ in false } }, listed: reading)
        #expect(listed.sources.map(\.path) == ["Content/2019/b.md", "Content/a.md"])
        #expect(listed.sources.map(\.stamp) == loader.load().sources.filter { $0.path != "Content/late.md" }.map(\.stamp))
        #expect(listed.sources.allSatisfy { !$0.bytes.isEmpty })

        let unrelated = loader.load(trusts: { { _, _ in false } }, listed: self.reading(other))
        #expect(unrelated.sources.map(\.path) == ["Content/2019/b.md", "Content/a.md", "Content/late.md"])
    }
}
