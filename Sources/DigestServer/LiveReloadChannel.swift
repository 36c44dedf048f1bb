import Foundation
import Hummingbird
import HummingbirdWebSocket

/// One open page's live-reload connection: the preview's state as JSON text messages, the
/// current one first and then each change, until the page goes away.
struct LiveReloadChannel: Sendable {
    let state: PreviewState

    func run(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter) async throws {
        let updates = await state.updates()
        try await withThrowingTaskGroup(of: Void.self) { group in
            // Pages send nothing; the inbound stream ends when the page closes or navigates away.
            group.addTask { for try await _ in inbound {} }
            group.addTask {
                let encoder = JSONEncoder()
                encoder.outputFormatting = .sortedKeys
                for await snapshot in updates {
                    try await outbound.write(.text(String(decoding: try encoder.encode(snapshot), as: UTF8.self)))
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// True when the request comes from a page of the host it asked for (the `Origin` names
    /// the same host; ports may differ), or from no page at all (no `Origin`: a tool).
    static func isSameOrigin(_ request: Request) -> Bool {
        guard let origin = request.headers[.origin] else { return true }
        guard let authority = request.head.authority, let asked = URL(string: "http://\(authority)")?.host,
            let from = URL(string: origin)?.host
        else { return false }
        return asked.lowercased() == from.lowercased()
    }
}
