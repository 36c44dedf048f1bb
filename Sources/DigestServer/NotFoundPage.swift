import Foundation
import Hummingbird
import NIOCore

/// Answers unknown paths with the theme's `404.html` (a language's own, `zh/404.html`, under its
/// folder) and status 404. The page's relative links are anchored with `<base href>` at the page
/// itself, since the preview serves it at any path: links resolve from its folder, and its skip
/// link (`#main`) stays on the page instead of leading to the folder's home.
struct NotFoundPage<Context: RequestContext>: RouterMiddleware {
    let root: URL

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            let response = try await next(request, context)
            return response.status == .notFound ? page(for: request.uri.path) : response
        } catch let error as HTTPError where error.status == .notFound {
            return page(for: request.uri.path)
        }
    }

    func page(for path: String) -> Response {
        let folder = Self.editionFolder(of: path, in: root)
        var html =
            (try? String(contentsOf: root.appendingPathComponent(folder + "404.html"), encoding: .utf8))
            ?? "<!doctype html><title>Not found</title><h1>Not found</h1>"
        if !html.contains("<base "), let head = html.range(of: "<head>") {
            html.insert(contentsOf: "\n<base href=\"/\(folder)404.html\">", at: head.upperBound)
        }
        html = LiveReloadScript.inject(into: html)
        return Response(
            status: .notFound, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// `zh/` for a path under a language's folder that has its own 404 page (`zh/404.html`),
    /// as a host set up per docs/deploy.md serves it; else the root's. Only a plain folder
    /// name is looked up, so no request reaches outside the output.
    static func editionFolder(of path: String, in root: URL) -> String {
        let first = path.split(separator: "/").first.map(String.init) ?? ""
        guard !first.isEmpty, first.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }),
            FileManager.default.fileExists(atPath: root.appendingPathComponent(first + "/404.html").path)
        else { return "" }
        return first + "/"
    }
}
