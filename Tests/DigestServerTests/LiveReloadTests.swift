import DigestKit
import Foundation
import Testing

@testable import DigestServer

/// The live-reload channel: a WebSocket per open page, so pages never hold an HTTP connection.
@Suite(.serialized) struct LiveReloadTests {
    @Test func manyOpenPagesGetEveryChangeAndPagesStillLoad() async throws {
        let preview = try await RunningPreview.start(articles: ["busy-desk.md": article("Busy desk")])
        var pages: [LiveReloadClient] = []
        var generation = 0
        // More pages than a browser's six connections per host: each holds a WebSocket.
        for _ in 0..<24 {
            let (page, state) = try await preview.listen()
            pages.append(page)
            generation = state.generation
        }
        #expect(await preview.server.state.listenerCount == 24)
        for _ in 0..<40 {
            let response = try await preview.http.get("/2019/02/13/busy-desk/", timeout: 5)
            #expect(response.status == 200)
        }
        try preview.write("Content/busy-desk.md", article("Busy desk", extra: "summary: Seen by every page\n"))
        for page in pages {
            #expect(try await page.next().generation == generation + 1)
            await page.close()
        }
        await preview.stop()
    }

    @Test func aClosedPageStopsListening() async throws {
        let preview = try await RunningPreview.start(articles: ["a.md": article("Story")])
        let (page, _) = try await preview.listen()
        #expect(await preview.server.state.listenerCount == 1)
        await page.close()
        var waited = 0
        while await preview.server.state.listenerCount > 0, waited < 100 {
            try await Task.sleep(for: .milliseconds(50))
            waited += 1
        }
        #expect(await preview.server.state.listenerCount == 0)
        await preview.stop()
    }

    @Test func aRebuildThatMovesAPageSaysWhereItWent() async throws {
        let preview = try await RunningPreview.start(articles: ["2019-02-13-talks-resume.md": article("Talks resume")])
        let (page, first) = try await preview.listen()
        #expect(first.moved.isEmpty)
        try preview.write("Content/2019-02-13-talks-resume.md", article("Talks resume", extra: "slug: talks-resume-in-beijing\n"))
        var state = try await page.next()
        #expect(state.moved == ["/2019/02/13/talks-resume/": "/2019/02/13/talks-resume-in-beijing/"])
        #expect(try await preview.http.get("/2019/02/13/talks-resume-in-beijing/").status == 200)

        // Moved again: a page still at the first address goes straight to the newest one.
        try preview.write("Content/2019-02-13-talks-resume.md", article("Talks resume", extra: "slug: talks-resume-friday\n"))
        state = try await page.next()
        #expect(state.moved["/2019/02/13/talks-resume/"] == "/2019/02/13/talks-resume-friday/")
        #expect(state.moved["/2019/02/13/talks-resume-in-beijing/"] == "/2019/02/13/talks-resume-friday/")

        // A new article at an old address is that article's page, not a move.
        try preview.write("Content/talks-resume.md", article("Talks resume"))
        state = try await page.next()
        #expect(state.moved["/2019/02/13/talks-resume/"] == nil)
        #expect(state.moved["/2019/02/13/talks-resume-in-beijing/"] == "/2019/02/13/talks-resume-friday/")
        await page.close()
        await preview.stop()
    }

    @Test func theScriptIsAddedWhenServedAndNeverWrittenIntoTheSite() async throws {
        let preview = try await RunningPreview.start(articles: ["story.md": article("Story")])
        let page = try await preview.http.get("/2019/02/13/story/")
        #expect(page.body.contains(LiveReloadScript.path))
        #expect(Int(page.headers["content-length"] ?? "") == page.body.utf8.count)
        let missing = try await preview.http.get("/no/such/page/")
        #expect(missing.body.contains(LiveReloadScript.path))
        let built = try String(
            contentsOf: preview.server.configuration.outputDirectory
                .appendingPathComponent("2019/02/13/story/index.html"), encoding: .utf8)
        #expect(!built.contains("_digest"))
        #expect(try await preview.http.get("/assets/style.css").body.contains("_digest") == false)
        await preview.stop()
    }

    @Test func eachRunOfTheServerIsToldApartSoPagesReloadAfterARestart() async throws {
        let first = try await RunningPreview.start(articles: ["a.md": article("Story")])
        let (page, state) = try await first.listen()
        await page.close()
        await first.stop()
        let second = try await RunningPreview.start(articles: ["a.md": article("Story")])
        let (again, restarted) = try await second.listen()
        #expect(restarted.server != state.server)
        await again.close()
        await second.stop()
    }
}

extension LiveReloadTests {
    @Test func pagesOfOtherSitesCannotListen() async throws {
        let preview = try await RunningPreview.start(articles: ["a.md": article("Story")])
        let upgrade = { (origin: String) in
            "GET \(LiveReloadScript.path) HTTP/1.1\r\nHost: 127.0.0.1:\(preview.port)\r\nOrigin: \(origin)\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n"
        }
        let foreign = try await RawHTTP.exchange(upgrade("https://evil.example"), port: preview.port, timeout: 20, headOnly: true)
        #expect(foreign.status != 101)
        let own = try await RawHTTP.exchange(upgrade("http://127.0.0.1:\(preview.port)"), port: preview.port, timeout: 20, headOnly: true)
        #expect(own.status == 101)
        await preview.stop()
    }
}
