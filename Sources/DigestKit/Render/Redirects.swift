import Foundation

/// What keeps an article's old addresses working: at each alias a small page that sends
/// readers on (meta refresh, and a plain link where that is off) and tells search engines where
/// the article is now (canonical link, `noindex`); and `_redirects`, the same list in the
/// format Netlify and Cloudflare Pages read, for a real 301 where the host offers one.
struct Redirects: Sendable {
    let site: Site

    func files(_ aliases: [Site.Alias]) -> [OutputFile] {
        guard !aliases.isEmpty else { return [] }
        return aliases.map { .text($0.file, page($0)) } + [.text("_redirects", netlifyList(aliases))]
    }

    func page(_ alias: Site.Alias) -> String {
        let placed = site.articles[alias.article]
        let depth = alias.file.split(separator: "/").count - 1
        let indexFiles = site.config.linkIndexFiles
        let link = HTMLEscaping.escape(String(repeating: "../", count: depth) + (indexFiles ? placed.path.file : placed.path.folder))
        let canonical = AbsoluteURLs(baseURL: site.config.baseURL).map { HTMLEscaping.escape($0.url(placed.path)) } ?? link
        let title = HTMLEscaping.escape(placed.article.title)
        return """
            <!DOCTYPE html>
            <html lang="\(HTMLEscaping.escape(site.config.language))">
            <head>
            <meta charset="utf-8">
            <title>\(title)</title>
            <meta name="robots" content="noindex">
            <link rel="canonical" href="\(canonical)">
            <meta http-equiv="refresh" content="0; url=\(link)">
            </head>
            <body>
            <p>This article has moved to <a href="\(link)">\(title)</a>.</p>
            </body>
            </html>

            """
    }

    /// `/old/address/ /new/address/ 301`, one line an alias, under the base URL's path.
    func netlifyList(_ aliases: [Site.Alias]) -> String {
        let base = AbsoluteURLs(baseURL: site.config.baseURL).flatMap { URLComponents(string: $0.base)?.path } ?? "/"
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return aliases.map { alias in
            "\(prefix)\(Self.encoded(alias.path)) \(prefix)\(Self.encoded(site.articles[alias.article].path.folder)) 301\n"
        }.joined()
    }

    /// A path with everything but unreserved characters and `/` percent-encoded: the file is
    /// split at spaces, and hosts match encoded paths.
    static func encoded(_ path: String) -> String {
        path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }

    static let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/")
}
