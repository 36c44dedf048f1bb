import DigestKit
import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging
import NIOCore

/// `digest serve`: builds the site into a preview folder, serves it with Hummingbird's file
/// middleware, rebuilds on change and tells open pages to reload.
public struct PreviewServer: Sendable {
    public let configuration: PreviewConfiguration
    public let state = PreviewState()
    let logger: Logger

    public init(configuration: PreviewConfiguration, logger: Logger = Logger(label: "digest.serve")) {
        self.configuration = configuration
        self.logger = logger
        self.builder = PreviewBuilder(configuration: configuration, state: state, logger: logger)
    }

    /// One builder for the server's life, so its parse cache carries from build to build.
    let builder: PreviewBuilder

    public enum ServeError: Error, Equatable, CustomStringConvertible {
        case portInUse(host: String, port: Int)

        public var description: String {
            switch self {
            case let .portInUse(host, port):
                return "\(host):\(port) is already in use; stop the other server or pick another port, e.g. digest serve --port \(port + 1)"
            }
        }
    }

    /// The first build (a failed one still serves, with the overlay) and the application.
    /// `onRunning` gets the bound port, which differs from `port` when that is 0.
    public func makeApplication(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async -> some ApplicationProtocol {
        // Read before the first build, so an edit made while it runs brings another.
        let inputs = InputStamps.read(siteDirectory: configuration.siteDirectory)
        await builder.rebuild(inputs)
        let router = Router(context: BasicWebSocketRequestContext.self)
        router.add(middleware: NotFoundPage(root: configuration.outputDirectory))
        router.add(
            middleware: FileMiddleware(
                fileProvider: ConfinedFileSystem(
                    root: configuration.outputDirectory, logger: logger,
                    transformHTML: { page in
                        Data(LiveReloadScript.inject(into: String(decoding: page, as: UTF8.self)).utf8)
                    }),
                cacheControl: .init([(MediaType(type: .any), [.noCache])]),
                searchForIndexHtml: true))
        let state = state
        router.ws(
            RouterPath(stringLiteral: LiveReloadScript.path),
            shouldUpgrade: { request, _ in
                // Build errors name files and lines: pages of other sites the browser has open may
                // not listen in.
                LiveReloadChannel.isSameOrigin(request) ? .upgrade() : .dontUpgrade
            }
        ) { inbound, outbound, _ in
            try await LiveReloadChannel(state: state).run(inbound: inbound, outbound: outbound)
        }
        return Application(
            router: router,
            server: .http1WebSocketUpgrade(webSocketRouter: router),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "digest"),
            services: [SiteWatcher(builder: builder, built: inputs)],
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
    }

    /// Serves until Ctrl-C.
    public func run() async throws {
        if !configuration.isLoopback {
            logger.warning("Serving on \(configuration.host): other machines on the network can read the preview, drafts included.")
        }
        let host = configuration.host
        let logger = logger
        let app = await makeApplication { port in
            logger.info("Serving the preview on http://\(host.contains(":") ? "[\(host)]" : host):\(port)/ (Ctrl-C to stop)")
        }
        do {
            try await app.runService()
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw ServeError.portInUse(host: configuration.host, port: configuration.port)
        } catch is CancellationError {
            // Ctrl-C or SIGTERM: the graceful shutdown cancels the watcher; that is a normal stop.
        }
    }
}
