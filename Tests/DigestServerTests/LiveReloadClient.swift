import Foundation
import HummingbirdWSClient
import Logging

@testable import DigestServer

/// One page's live-reload connection, as a browser opens it: Hummingbird's WebSocket client on
/// `/_digest/live`, with the states the server sends decoded in order.
actor LiveReloadClient {
    struct TimedOut: Error {}

    private var iterator: AsyncStream<PreviewState.Snapshot>.Iterator
    private let connection: Task<Void, Error>

    init(port: Int) {
        let (states, continuation) = AsyncStream.makeStream(of: PreviewState.Snapshot.self)
        iterator = states.makeAsyncIterator()
        var logger = Logger(label: "test.live")
        logger.logLevel = .critical
        connection = Task {
            defer { continuation.finish() }
            try await WebSocketClient.connect(url: "ws://127.0.0.1:\(port)\(LiveReloadScript.path)", logger: logger) { inbound, _, _ in
                for try await message in inbound.messages(maxSize: 1 << 20) {
                    guard case let .text(text) = message else { continue }
                    continuation.yield(try JSONDecoder().decode(PreviewState.Snapshot.self, from: Data(text.utf8)))
                }
            }
        }
    }

    /// The next state the server sends; fails after `timeout` without one (the connection is
    /// then closed, which ends the wait).
    func next(timeout: Duration = .seconds(20)) async throws -> PreviewState.Snapshot {
        let watchdog = Task { [connection] in
            try await Task.sleep(for: timeout)
            connection.cancel()
        }
        defer { watchdog.cancel() }
        var iterator = self.iterator
        let state = await iterator.next(isolation: self)
        self.iterator = iterator
        guard let state else { throw TimedOut() }
        return state
    }

    func close() {
        connection.cancel()
    }
}
