import Foundation
import Synchronization
import Testing

@testable import DigestServer

/// Requests from many clients at once while the site is rebuilt under them.
@Suite struct PreviewLoadTests {
    /// Titles of different lengths, so that a page read across a rebuild would show as a wrong
    /// length or a cut-off end.
    static let titles = (0...5).map { "Story version \($0)" + String(repeating: " and more", count: $0 * 7) }

    static func version(_ index: Int) -> String {
        article(titles[index], extra: "slug: changing-story\n")
            + String(repeating: "Paragraph of version \(index).\n\n", count: 40 * (index + 1))
    }

    @Test func concurrentRequestsDuringRebuildsAlwaysGetAWholePage() async throws {
        let preview = try await RunningPreview.start(articles: ["a.md": Self.version(0)])
        let port = preview.port
        let results = Results()
        // Blocking sockets on threads of their own, so the clients never starve the server's
        // tasks. 16 clients, each at least 13 requests (208 in all) and at most 60, going on until
        // the edits are done.
        let readers = Task.detached {
            await onThreads(16) { _ in
                var sent = 0
                while sent < 13 || (!results.editsDone && sent < 60) {
                    sent += 1
                    do {
                        let response = try RawHTTP.send(
                            "GET /2019/02/13/changing-story/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
                            port: port, timeout: 30)
                        results.add(response)
                    } catch {
                        results.fail("\(error)")
                    }
                }
            }
        }
        let (listener, _) = try await preview.listen()
        for index in 1..<Self.titles.count {
            try preview.write("Content/a.md", Self.version(index))
            let change = try await listener.next()
            #expect(change.problems.isEmpty)
            try await Task.sleep(for: .milliseconds(50))
        }
        results.finishEdits()
        await readers.value

        let responses = results.responses
        #expect(responses.count >= 16 * 13)
        #expect(results.failures.isEmpty, "\(results.failures.prefix(3))")
        for response in responses {
            #expect(response.status == 200)
            #expect(Int(response.headers["content-length"] ?? "") == response.body.utf8.count)
            #expect(
                response.body.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("</html>"),
                "cut-off page: …\(response.body.suffix(80))")
            #expect(Self.titles.contains { response.body.contains("<h1 dir=\"auto\">\($0)</h1>") })
        }
        // The last version is what is served once the edits are done.
        let last = try await preview.http.get("/2019/02/13/changing-story/")
        #expect(last.body.contains(Self.titles.last!))
        await preview.stop()
    }
}

/// Responses gathered from the client threads.
final class Results: Sendable {
    private struct State {
        var responses: [RawHTTP.Response] = []
        var failures: [String] = []
        var editsDone = false
    }

    private let state = Mutex(State())

    var responses: [RawHTTP.Response] { state.withLock { $0.responses } }
    var failures: [String] { state.withLock { $0.failures } }
    var editsDone: Bool { state.withLock { $0.editsDone } }

    func add(_ response: RawHTTP.Response) { state.withLock { $0.responses.append(response) } }
    func fail(_ message: String) { state.withLock { $0.failures.append(message) } }
    func finishEdits() { state.withLock { $0.editsDone = true } }
}

/// Runs `body` on `count` threads of its own and returns when all have finished.
func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) async {
    await withCheckedContinuation { (finished: CheckedContinuation<Void, Never>) in
        let group = DispatchGroup()
        for index in 0..<count {
            group.enter()
            Thread {
                body(index)
                group.leave()
            }.start()
        }
        group.notify(queue: .global()) { finished.resume() }
    }
}
