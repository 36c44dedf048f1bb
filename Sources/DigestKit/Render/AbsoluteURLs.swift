/// Absolute URLs for the features that need them (feeds, sitemap, canonical links). They exist
/// only when the site has a base URL; internal links never use them.
public struct AbsoluteURLs: Sendable {
    /// The base, ending in `/`.
    public let base: String

    public init?(baseURL: String?) {
        guard let baseURL, !baseURL.isEmpty else { return nil }
        base = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
    }

    public func url(_ path: SitePath) -> String { base + path.folder }

    public func url(file: String) -> String { base + file }
}
