import DigestKit
import Foundation
import Logging
import ServiceLifecycle

/// Polls the site's inputs and rebuilds when they change. A burst of saves gives one rebuild:
/// after a change it waits until the inputs have been still for one more poll.
struct SiteWatcher: Service {
    let builder: PreviewBuilder
    /// The inputs as the last build found them.
    let built: InputStamps

    func run() async throws {
        try await cancelWhenGracefulShutdown { try await watch() }
    }

    private func watch() async throws {
        let site = builder.configuration.siteDirectory
        let interval = builder.configuration.pollInterval
        var seen = built
        while !Task.isCancelled {
            try await Task.sleep(for: interval)
            var now = InputStamps.read(siteDirectory: site)
            guard now != seen else { continue }
            // Let the burst settle: editors often write a file in several steps.
            while true {
                try await Task.sleep(for: .milliseconds(60))
                let settled = InputStamps.read(siteDirectory: site)
                if settled == now { break }
                now = settled
            }
            builder.logger.debug("changed: \(now.changes(since: seen).prefix(5).joined(separator: ", "))")
            seen = now
            await builder.rebuild(now)
        }
    }
}
