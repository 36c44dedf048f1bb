import Foundation
import Testing

@testable import DigestKit

/// Rebuilds that keep the last build's records in memory (`BuildSession`, the preview's): after
/// any change they write what a clean build writes, they parse and render only what changed,
/// and they leave the site folder's own cache alone.
@Suite struct BuildSessionTests {
    typealias Incremental = IncrementalBuildTests

    /// As the preview builds: with a reading of the inputs just taken.
    static func sessionBuild(_ site: TempSite, _ session: BuildSession) throws -> BuildSummary {
        try site.build {
            $0.session = session
            $0.inputs = InputStamps.read(siteDirectory: site.root)
        }
    }

    @Test func rebuildsAfterEditsMatchACleanBuildAndParseOnlyTheEditedArticle() throws {
        let site = try Incremental.makeSite()
        defer { site.remove() }
        let session = BuildSession(ownsItsOutput: true)
        let first = try Self.sessionBuild(site, session)
        #expect(!first.incremental && first.parsed == 24)

        try site.write("Content/a5.md", Incremental.article(5, body: "A new body, said **once**."))
        let bodyEdit = try Self.sessionBuild(site, session)
        #expect(bodyEdit.incremental && bodyEdit.parsed == 1)
        // The article's page, search document and shards, its week's newsletter: a few of the site's files.
        #expect(bodyEdit.report.written * 5 < first.report.written, "\(bodyEdit.report.written) of \(first.report.written) written")
        #expect(try site.read(Incremental.page(5) + "index.html").contains("A new body, said <strong>once</strong>."))
        try Incremental.expectSameAsClean(site, "a body edit")

        try site.write("Content/a3.md", Incremental.article(3, title: "Briefing 3 <renamed> & moved", day: 27))
        #expect(try Self.sessionBuild(site, session).parsed == 1)
        try Incremental.expectSameAsClean(site, "a title and date edit")

        try site.write("Content/new.md", Incremental.article(99, tags: ["brand new tag"]))
        #expect(try Self.sessionBuild(site, session).parsed == 1)
        try Incremental.expectSameAsClean(site, "an addition")
        // The files that are not pages are grouped by folder in the last build's records,
        // which must then list the added article's search document.
        try site.write("Content/new.md", Incremental.article(99, body: "Added, then **edited**.", tags: ["brand new tag"]))
        #expect(try Self.sessionBuild(site, session).parsed == 1)
        try Incremental.expectSameAsClean(site, "a body edit after an addition")

        try FileManager.default.removeItem(at: site.url("Content/new.md"))
        #expect(try Self.sessionBuild(site, session).report.removed > 0)
        try Incremental.expectSameAsClean(site, "a deletion")
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("tags/brand-new-tag").path))

        try site.write("site.yml", "title: Renamed Desk\ntimezone: Asia/Shanghai\n")
        try Self.sessionBuild(site, session)
        try Incremental.expectSameAsClean(site, "a settings change")

        #expect(
            !FileManager.default.fileExists(atPath: site.url(BuildCache.folderName).path),
            "the site's own cache describes Public/ as 'digest build' left it; a session writes none")
    }

    /// The preview's folder is its own: a rebuild takes it as the last build left it, without
    /// stamping each file, also after a rebuild that changed nothing. A file altered there by
    /// hand is therefore not noticed, which is what shows that the output was not looked at.
    @Test func anOutputOwnedByTheSessionIsTakenAsTheLastBuildLeftIt() throws {
        let site = try Incremental.makeSite()
        defer { site.remove() }
        let session = BuildSession(ownsItsOutput: true)
        try Self.sessionBuild(site, session)
        // Sources stamped within two seconds of a build's look are read again by the next
        // (file times are coarse): a build three seconds on records them as settled, and the
        // one after it reads none and changes nothing.
        Thread.sleep(forTimeInterval: 3)
        try Self.sessionBuild(site, session)
        let unchanged = try Self.sessionBuild(site, session)
        #expect(unchanged.report.written == 0 && unchanged.parsed == 0)
        let page = site.output.appendingPathComponent(Incremental.page(4) + "index.html")
        try Data("altered".utf8).write(to: page)
        try site.write("Content/a5.md", Incremental.article(5, body: "Edited."))

        let summary = try Self.sessionBuild(site, session)
        #expect(summary.incremental && summary.parsed == 1)
        #expect(try Data(contentsOf: page) == Data("altered".utf8))
    }

    /// Without ownership, or once a build has failed, the output is checked as `digest build`
    /// checks it: a failed build may have stopped half way through its files.
    @Test func theOutputIsCheckedWhenNotOwnedAndAfterAFailedBuild() throws {
        for owns in [false, true] {
            let site = try Incremental.makeSite()
            defer { site.remove() }
            let session = BuildSession(ownsItsOutput: owns)
            try Self.sessionBuild(site, session)
            let page = site.output.appendingPathComponent(Incremental.page(4) + "index.html")
            let original = try Data(contentsOf: page)
            try Data("altered".utf8).write(to: page)
            if owns {
                try site.write("Content/bad.md", "---\ntitle: [unclosed\n---\nBody.\n")
                #expect(throws: BuildFailure.self) { try Self.sessionBuild(site, session) }
                try FileManager.default.removeItem(at: site.url("Content/bad.md"))
            }

            let summary = try Self.sessionBuild(site, session)
            #expect(summary.incremental, "owns: \(owns)")
            #expect(try Data(contentsOf: page) == original, "owns: \(owns)")
            try Incremental.expectSameAsClean(site, "an altered output file, owns: \(owns)")
        }
    }

    /// With the watcher's reading handed over, the settings and templates are read and
    /// compiled again only when that reading finds their files changed: given a stale reading,
    /// the last ones stand (which shows they were not read), given a fresh one, the edit shows.
    @Test func settingsAndTemplatesAreReadAgainWhenTheReadingFindsThemChanged() throws {
        let site = try Incremental.makeSite()
        defer { site.remove() }
        let session = BuildSession(ownsItsOutput: true)
        let stale = InputStamps.read(siteDirectory: site.root)
        try site.build {
            $0.session = session
            $0.inputs = stale
        }
        let item = site.url("Templates/partials/item.mustache")
        try (try String(contentsOf: item, encoding: .utf8)).replacingOccurrences(of: "<li class=\"item\">", with: "<li class=\"item changed\">")
            .write(to: item, atomically: true, encoding: .utf8)
        try site.write("Content/a5.md", Incremental.article(5, body: "Edited."))

        try site.build {
            $0.session = session
            $0.inputs = stale
        }
        #expect(!(try site.read("index.html").contains("item changed")))

        try site.build {
            $0.session = session
            $0.inputs = InputStamps.read(siteDirectory: site.root)
        }
        #expect(try site.read("index.html").contains("<li class=\"item changed\">"))
        try Incremental.expectSameAsClean(site, "a template edit the reading found")

        try site.write("site.yml", "title: Renamed Desk\ntimezone: Asia/Shanghai\n")
        try site.build {
            $0.session = session
            $0.inputs = InputStamps.read(siteDirectory: site.root)
        }
        #expect(try site.read("index.html").contains("Renamed Desk"))
        try Incremental.expectSameAsClean(site, "a settings edit the reading found")
    }

    /// Records saved by one run start the next with a rebuild: one article parsed, the output
    /// checked (it was no process's while none ran) and mended, the site's own cache untouched.
    @Test func recordsSavedByOneRunStartTheNextWithARebuild() throws {
        let site = try Incremental.makeSite()
        defer { site.remove() }
        let folder = site.url("preview-records")
        let first = BuildSession(ownsItsOutput: true, savedIn: folder)
        try Self.sessionBuild(site, first)
        try first.save()

        try site.write("Content/a5.md", Incremental.article(5, body: "Edited between runs."))
        let page = site.output.appendingPathComponent(Incremental.page(4) + "index.html")
        let original = try Data(contentsOf: page)
        try Data("altered".utf8).write(to: page)
        let next = BuildSession(ownsItsOutput: true, savedIn: folder)
        let summary = try Self.sessionBuild(site, next)
        #expect(summary.incremental && summary.parsed == 1)
        #expect(try Data(contentsOf: page) == original)
        try Incremental.expectSameAsClean(site, "a rebuild from saved records")
        #expect(!FileManager.default.fileExists(atPath: site.url(BuildCache.folderName).path))
        // Every article page again, each body made from its source: the saved records held
        // none, and the session's records since must give each its maker.
        let article = site.url("Templates/article.mustache")
        try (try String(contentsOf: article, encoding: .utf8) + "\n").write(to: article, atomically: true, encoding: .utf8)
        try Self.sessionBuild(site, next)
        try Incremental.expectSameAsClean(site, "a template edit after a rebuild from saved records")

        // Without saved records (or a folder), the first build is a full one.
        let fresh = try Self.sessionBuild(site, BuildSession(ownsItsOutput: true, savedIn: site.url("elsewhere")))
        #expect(!fresh.incremental)
    }
}
