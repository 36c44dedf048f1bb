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

    /// `poll`: the watcher polls instead of being told by the kernel.
    static func start(articles: [String: String], includeDrafts: Bool = true, poll: Bool = false) async throws -> RunningPreview {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("digest-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("Content"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: repositoryRoot.appendingPathComponent("Templates").resolvingSymlinksInPath(), to: site.appendingPathComponent("Templates"))
        try "title: Preview Desk\ntimezone: Asia/Shanghai\n".write(to: site.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
        for (path, text) in articles {
            try text.write(to: site.appendingPathComponent("Content/\(path)"), atomically: true, encoding: .utf8)
        }
        var configuration = PreviewConfiguration(siteDirectory: site)
        configuration.port = 0
        configuration.pollInterval = .milliseconds(50)
        configuration.poll = poll
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

    /// A live-reload connection, as an open page has, once it has had the current state.
    func listen() async throws -> (LiveReloadClient, PreviewState.Snapshot) {
        let client = LiveReloadClient(port: port)
        return (client, try await client.next())
    }

    /// Stops the server, and removes the site unless `keepingSite`.
    func stop(keepingSite: Bool = false) async {
        task.cancel()
        _ = try? await task.value
        if keepingSite { return }
        try? FileManager.default.removeItem(at: site)
    }
}

func article(_ title: String, extra: String = "") -> String {
    "---\ntitle: \(title)\ndate: \"2019-02-13T09:15:25+08:00\"\nsection: DIPLOMACY\n\(extra)---\n\nBody of \(title).\n"
}
