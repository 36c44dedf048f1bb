import Foundation
import Hummingbird
import NIOCore

/// Answers unknown paths with the theme's `404.html` and status 404. The page's relative links
/// are anchored with `<base href="/">`, since the preview serves the site at the root.
struct NotFoundPage<Context: RequestContext>: RouterMiddleware {
    let root: URL

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            let response = try await next(request, context)
            return response.status == .notFound ? page() : response
        } catch let error as HTTPError where error.status == .notFound {
            return page()
        }
    }

    func page() -> Response {
        var html =
            (try? String(contentsOf: root.appendingPathComponent("404.html"), encoding: .utf8)) ?? "<!doctype html><title>Not found</title><h1>Not found</h1>"
        if !html.contains("<base "), let head = html.range(of: "<head>") {
            html.insert(contentsOf: "\n<base href=\"/\">", at: head.upperBound)
        }
        html = LiveReloadScript.inject(into: html)
        return Response(
            status: .notFound, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
