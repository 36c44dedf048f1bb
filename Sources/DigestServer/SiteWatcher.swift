import DigestKit
import Foundation
import Logging
import ServiceLifecycle

/// Watches the site's inputs and rebuilds when they change. A burst of saves gives one
/// rebuild: after a change it waits until the inputs have been still for one more look.
///
/// Where the kernel tells of changes (`InputNotifications`, Linux), only the folders it names are
/// read again when it does, and everything every few seconds all the same; elsewhere
/// everything is polled.
struct SiteWatcher: Service {
    let builder: PreviewBuilder
    /// The inputs as the last build found them.
    let built: InputStamps

    func run() async throws {
        // The server is stopping: the next run starts from this one's records.
        defer { builder.saveSession() }
        do {
            try await cancelWhenGracefulShutdown { try await watch() }
        } catch is CancellationError {
            // Ctrl-C cancels the watch: the way a preview stops, not an error of the service.
        }
    }

    private func watch() async throws {
        let site = builder.configuration.siteDirectory
        let interval = builder.configuration.pollInterval
        var seen = built
        let notifications = builder.configuration.poll ? nil : Self.notifications(for: site)
        // The first round reads everything at once: the kernel tells nothing of what changed
        // before the watches, during the first build.
        let lookAnyway = notifications?.inputsAreLocal == true ? Self.lookAnywayOnLocalDisks : Self.lookAnyway
        var lastFullLook = ContinuousClock.now - lookAnyway
        while !Task.isCancelled {
            // What to read: where the kernel told of changes, everything now and then anyway,
            // and everything on every round when it tells nothing (polling).
            var reading = InputChanges.all
            if let notifications {
                await Self.waitForNews(notifications)
                try Task.checkCancellation()
                reading = notifications.changes()
                if ContinuousClock.now - lastFullLook >= lookAnyway { reading = .all }
                guard !reading.isEmpty else { continue }
            } else {
                try await Task.sleep(for: interval)
            }
            if reading.everything { lastFullLook = ContinuousClock.now }
            var now = seen.reading(again: reading)
            guard now != seen else { continue }
            // Let the burst settle: editors often write a file in several steps.
            while true {
                try await Task.sleep(for: .milliseconds(60))
                if let notifications { reading.formUnion(notifications.changes()) }
                let settled = now.reading(again: reading)
                if settled == now { break }
                now = settled
            }
            builder.logger.debug("changed: \(now.changes(since: seen).prefix(5).joined(separator: ", "))")
            seen = now
            await builder.rebuild(now)
        }
    }

    /// Returns as soon as the kernel tells of a change, and after a quarter of a second without
    /// one, for the look every few seconds and for a stop. The wait blocks a thread of its own,
    /// not one of the few that run the server's tasks.
    private static func waitForNews(_ notifications: InputNotifications) async {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                _ = notifications.waitForNews(milliseconds: 250)
                done.resume()
            }
        }
    }

    /// How often the inputs are read without word from the kernel: network shares written
    /// from another machine, and some containers' shared folders, tell nothing.
    static let lookAnyway: Duration = .seconds(5)
    /// As `lookAnyway`, where every input is on a local disk and the kernel tells of every
    /// change: only in case a notification was lost. A whole reading of a large site is a
    /// fraction of a second of CPU, which every 5 s kept an idle preview noticeably busy.
    static let lookAnywayOnLocalDisks: Duration = .seconds(60)

    private static func notifications(for site: URL) -> InputNotifications? {
        #if canImport(Glibc)
        return InputNotifications(siteDirectory: site)
        #else
        return nil
        #endif
    }
}

/// How the service lifecycle's log names the watcher: its own description would print every
/// stamp of the last reading, thousands of files, on every line about the service.
extension SiteWatcher: CustomStringConvertible {
    var description: String { "SiteWatcher(\(builder.configuration.siteDirectory.path))" }
}
