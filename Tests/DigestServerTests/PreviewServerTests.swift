import DigestKit
import Foundation
import Hummingbird
import Logging
import Testing
@testable import DigestServer

/// A preview server on 127.0.0.1 with a free port, serving a temporary copy of a small site.
struct RunningPreview {
    let site: URL
    let port: Int
    let server: PreviewServer
    let task: Task<Void, Error>

    var http: RawHTTP { RawHTTP(port: port) }

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func start(articles: [String: String], includeDrafts: Bool = true) async throws -> RunningPreview {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("digest-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("Content"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Templates").resolvingSymlinksInPath(), to: site.appendingPathComponent("Templates"))
        try "title: Preview Desk\ntimezone: Asia/Shanghai\n".write(to: site.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
        for (path, text) in articles {
            try text.write(to: site.appendingPathComponent("Content/\(path)"), atomically: true, encoding: .utf8)
        }
        var configuration = PreviewConfiguration(siteDirectory: site)
        configuration.port = 0
        configuration.pollInterval = .milliseconds(50)
        configuration.includeDrafts = includeDrafts
        configuration.includeFuture = includeDrafts
        configuration.outputDirectory = site.appendingPathComponent(".preview-out/site")
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let server = PreviewServer(configuration: configuration, logger: logger)
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = await server.makeApplication { continuation.yield($0) }
        let task = Task { try await app.runService(gracefulShutdownSignals: []) }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        return RunningPreview(site: site, port: port, server: server, task: task)
    }

    func write(_ path: String, _ text: String) throws {
        try text.write(to: site.appendingPathComponent(path), atomically: true, encoding: .utf8)
    }

    /// Long-polls until the state's revision passes `revision`.
    func waitForChange(after revision: Int) async throws -> (revision: Int, generation: Int, problems: [String]) {
        let response = try await http.get("/_digest/wait?revision=\(revision)")
        let json = try JSONSerialization.jsonObject(with: Data(response.body.utf8)) as! [String: Any]
        return (json["revision"] as! Int, json["generation"] as! Int, json["problems"] as! [String])
    }

    func currentRevision() async throws -> Int {
        let response = try await http.get("/_digest/wait")
        let json = try JSONSerialization.jsonObject(with: Data(response.body.utf8)) as! [String: Any]
        return json["revision"] as! Int
    }

    func stop() async {
        task.cancel()
        _ = try? await task.value
        try? FileManager.default.removeItem(at: site)
    }
}

func article(_ title: String, extra: String = "") -> String {
    "---\ntitle: \(title)\ndate: \"2019-02-13T09:15:25+08:00\"\nsection: DIPLOMACY\n\(extra)---\n\nBody of \(title).\n"
}

@Suite(.serialized) struct PreviewServerTests {
    @Test func servesTheSiteWithTheReloadScriptAndLeavesPublicAlone() async throws {
        let preview = try await RunningPreview.start(articles: ["a.md": article("First story")])
        let home = try await preview.http.get("/")
        #expect(home.status == 200)
        #expect(home.headers["content-type"]?.hasPrefix("text/html") == true)
        #expect(home.body.contains("First story"))
        #expect(home.body.contains("/_digest/wait"))
        let page = try await preview.http.get("/articles/first-story/")
        #expect(page.status == 200)
        #expect(page.body.contains("Body of First story."))
        let css = try await preview.http.get("/assets/style.css")
        #expect(css.status == 200)
        #expect(css.headers["content-type"]?.hasPrefix("text/css") == true)
        #expect(!FileManager.default.fileExists(atPath: preview.site.appendingPathComponent("Public").path))
        await preview.stop()
    }

    @Test func draftsAreShownAndMarkedUnlessNoDrafts() async throws {
        let articles = ["a.md": article("Public story"), "d.md": article("Secret plan", extra: "draft: true\n")]
        let preview = try await RunningPreview.start(articles: articles)
        let draft = try await preview.http.get("/articles/secret-plan/")
        #expect(draft.status == 200)
        #expect(draft.body.contains("class=\"badge\">Draft"))
        await preview.stop()

        let published = try await RunningPreview.start(articles: articles, includeDrafts: false)
        #expect(try await published.http.get("/articles/secret-plan/").status == 404)
        #expect(!(try await published.http.get("/").body.contains("Secret plan")))
        await published.stop()
    }

    @Test func editingAnArticleRebuildsAndSignalsReload() async throws {
        let preview = try await RunningPreview.start(articles: ["a.md": article("Before edit")])
        let revision = try await preview.currentRevision()
        let generation = await preview.server.state.current.generation
        try preview.write("Content/a.md", article("Before edit", extra: "summary: After edit summary\n"))
        let change = try await preview.waitForChange(after: revision)
        #expect(change.generation == generation + 1)
        #expect(change.problems.isEmpty)
        let page = try await preview.http.get("/articles/before-edit/")
        #expect(page.body.contains("After edit summary"))
        await preview.stop()
    }

    @Test func aBrokenEditKeepsTheLastGoodSiteAndReportsTheProblemUntilFixed() async throws {
        let preview = try await RunningPreview.start(articles: ["a.md": article("Stable story")])
        var revision = try await preview.currentRevision()
        try preview.write("Content/a.md", "---\ntitle: Stable story\ndate: \"2019/2/30 25:61:00\"\nsection: X\n---\n")
        var change = try await preview.waitForChange(after: revision)
        #expect(change.problems.count == 1)
        #expect(change.problems.first?.hasPrefix("Content/a.md:3:1: error: invalid date") == true)
        let page = try await preview.http.get("/articles/stable-story/")
        #expect(page.status == 200)
        #expect(page.body.contains("Body of Stable story."))

        revision = change.revision
        try preview.write("Content/a.md", article("Stable story"))
        change = try await preview.waitForChange(after: revision)
        #expect(change.problems.isEmpty)
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
        #expect(response.body.contains("<base href=\"/\">"))
        await preview.stop()
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
