import DigestKit
import Foundation
import Hummingbird
import Logging
import Testing

@testable import DigestServer

@Suite(.serialized) struct PreviewServerTests {
    @Test func servesTheSiteWithTheReloadScriptAndLeavesPublicAlone() async throws {
        let preview = try await RunningPreview.start(articles: ["first-story.md": article("First story")])
        let home = try await preview.http.get("/")
        #expect(home.status == 200)
        #expect(home.headers["content-type"]?.hasPrefix("text/html") == true)
        #expect(home.body.contains("First story"))
        #expect(home.body.contains(LiveReloadScript.path))
        let page = try await preview.http.get("/2019/02/13/first-story/")
        #expect(page.status == 200)
        #expect(page.body.contains("Body of First story."))
        let css = try await preview.http.get("/assets/style.css")
        #expect(css.status == 200)
        #expect(css.headers["content-type"]?.hasPrefix("text/css") == true)
        #expect(!FileManager.default.fileExists(atPath: preview.site.appendingPathComponent("Public").path))
        await preview.stop()
    }

    @Test func draftsAreShownAndMarkedUnlessNoDrafts() async throws {
        let articles = ["a.md": article("Public story"), "secret-plan.md": article("Secret plan", extra: "draft: true\n")]
        let preview = try await RunningPreview.start(articles: articles)
        let draft = try await preview.http.get("/2019/02/13/secret-plan/")
        #expect(draft.status == 200)
        #expect(draft.body.contains("class=\"badge\">Draft"))
        await preview.stop()

        let published = try await RunningPreview.start(articles: articles, includeDrafts: false)
        #expect(try await published.http.get("/2019/02/13/secret-plan/").status == 404)
        #expect(!(try await published.http.get("/").body.contains("Secret plan")))
        await published.stop()
    }

    /// Told by the kernel (on Linux) or polling, as `digest serve --poll` does.
    @Test(arguments: [false, true])
    func editingAnArticleRebuildsAndSignalsReload(poll: Bool) async throws {
        let preview = try await RunningPreview.start(articles: ["before-edit.md": article("Before edit")], poll: poll)
        let (listener, first) = try await preview.listen()
        try preview.write("Content/before-edit.md", article("Before edit", extra: "summary: After edit summary\n"))
        let change = try await listener.next()
        #expect(change.generation == first.generation + 1)
        #expect(change.server == first.server)
        #expect(change.problems.isEmpty)
        let page = try await preview.http.get("/2019/02/13/before-edit/")
        #expect(page.body.contains("After edit summary"))
        await listener.close()
        await preview.stop()
    }

    /// A stopping server leaves its build records beside its folder, for the next run.
    @Test func aStoppedServerKeepsItsRecordsForTheNextRun() async throws {
        let preview = try await RunningPreview.start(articles: ["a.md": article("Story")])
        defer { try? FileManager.default.removeItem(at: preview.site) }
        let records = preview.site.appendingPathComponent(".preview-out/.digest-cache/build.cache")
        #expect(!FileManager.default.fileExists(atPath: records.path))
        await preview.stop(keepingSite: true)
        #expect(FileManager.default.fileExists(atPath: records.path))
        #expect(!FileManager.default.fileExists(atPath: preview.site.appendingPathComponent(".digest-cache").path))
    }

    @Test func aBrokenEditKeepsTheLastGoodSiteAndReportsTheProblemUntilFixed() async throws {
        let preview = try await RunningPreview.start(articles: ["stable-story.md": article("Stable story")])
        let (listener, first) = try await preview.listen()
        try preview.write("Content/stable-story.md", "---\ntitle: Stable story\ndate: \"2019/2/30 25:61:00\"\nsection: X\n---\n")
        var change = try await listener.next()
        #expect(change.generation == first.generation, "a failed build must not reload pages")
        #expect(change.problems.count == 1)
        #expect(change.problems.first?.hasPrefix("Content/stable-story.md:3:1: error: invalid date") == true)
        let page = try await preview.http.get("/2019/02/13/stable-story/")
        #expect(page.status == 200)
        #expect(page.body.contains("Body of Stable story."))

        try preview.write("Content/stable-story.md", article("Stable story"))
        change = try await listener.next()
        #expect(change.problems.isEmpty)
        #expect(change.generation == first.generation + 1)
        await listener.close()
        await preview.stop()
    }

    @Test(arguments: [
        "/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2f..%2fetc%2fpasswd",
        "/assets/..\\..\\..\\etc\\passwd", "/escape/passwd", "/%2fetc%2fpasswd", "//etc/passwd",
    ])
    func traversalNeverReachesFilesOutsideTheSite(_ target: String) async throws {
        let preview = try await RunningPreview.start(articles: ["a.md": article("Story")])
        // A symlink planted in the served folder must not lead out of it either.
        try? FileManager.default.createSymbolicLink(
            at: preview.server.configuration.outputDirectory.appendingPathComponent("escape"),
            withDestinationURL: URL(fileURLWithPath: "/etc"))
        let response = try await preview.http.get(target)
        #expect([400, 404].contains(response.status), "\(target) → \(response.status)")
        #expect(!response.body.contains("root:"))
        await preview.stop()
    }

    @Test func unknownPathsGetTheThemed404() async throws {
        let preview = try await RunningPreview.start(articles: ["a.md": article("Story")])
        let response = try await preview.http.get("/no/such/page/")
        #expect(response.status == 404)
        #expect(response.body.contains("Page not found"))
        // Read as a browser reads them: against <base>, the skip link stays on a 404 page and
        // the home link reaches the home page.
        let base = try #require(response.body.firstMatch(of: /<base href="([^"]*)">/).map { String($0.1) })
        let skip = try #require(response.body.firstMatch(of: /class="skip-link" href="([^"]*)"/).map { String($0.1) })
        let page = try #require(URL(string: base, relativeTo: URL(string: "http://127.0.0.1/no/such/page/")))
        let skipTarget = try #require(URL(string: skip, relativeTo: page))
        #expect(skipTarget.fragment == "main")
        let landing = try await preview.http.get(skipTarget.path(percentEncoded: true))
        #expect(landing.body.contains("Page not found") && landing.body.contains("id=\"main\""), "\(skipTarget.path)")
        let archive = try #require(response.body.firstMatch(of: /<a href="([^"]*archive[^"]*)">/).map { String($0.1) })
        let archivePath = try #require(URL(string: archive, relativeTo: page)).path(percentEncoded: true)
        #expect(try await preview.http.get(archivePath).status == 200, "\(archive) → \(archivePath)")
        await preview.stop()
    }

    /// Under a language's folder with its own 404 page (`zh/404.html`), that page is served,
    /// anchored at the folder; anywhere else the root's.
    @Test func aLanguagesFolderGetsItsOwn404Page() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("digest-404-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("zh"), withIntermediateDirectories: true)
        try Data().write(to: root.appendingPathComponent("zh/404.html"))
        let cases = [("/zh/no/such/page/", "zh/"), ("/zh", "zh/"), ("/en/page/", ""), ("/", ""), ("/../zh/x", ""), ("/%7A%68/x", "")]
        for (path, folder) in cases {
            #expect(NotFoundPage<BasicRequestContext>.editionFolder(of: path, in: root) == folder, "\(path)")
        }
    }

    @Test func aPortInUseIsAClearError() async throws {
        let preview = try await RunningPreview.start(articles: ["a.md": article("Story")])
        var configuration = preview.server.configuration
        configuration.port = preview.port
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        await #expect(throws: PreviewServer.ServeError.portInUse(host: "127.0.0.1", port: preview.port)) {
            try await PreviewServer(configuration: configuration, logger: logger).run()
        }
        await preview.stop()
    }
}
