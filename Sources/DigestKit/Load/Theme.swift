import Foundation

/// The theme a site builds with: Digest's built-in theme, with each file of the site's
/// `Templates/` folder in place of the built-in file of the same path, or beside them. A site
/// that only changes `article.mustache`, or one partial, gets the built-in rest.
public struct Theme: Sendable {
    /// Where one file of the theme comes from.
    public enum Source: Sendable, Hashable {
        case builtIn(Data)
        case site(URL)
    }

    /// Every file by its path in the theme: `article.mustache`, `partials/item.mustache`,
    /// `assets/style.css`.
    public var files: [String: Source]

    /// The theme compiled into Digest.
    public static let builtIn = Theme(files: BuiltInTheme.files.mapValues { .builtIn($0) })

    /// The built-in theme with the files of `folder` (a site's `Templates/`) over it; a missing
    /// folder gives the built-in theme.
    public static func load(overriding folder: URL) -> Theme {
        var theme = builtIn
        for path in ContentLoader.walk(folder) {
            theme.files[path] = .site(folder.appendingPathComponent(path))
        }
        return theme
    }

    /// The paths the site's folder provides.
    public var overridden: [String] {
        files.compactMap { path, source in
            if case .site = source { return path } else { return nil }
        }.sorted()
    }

    /// Every `*.mustache` file's text by template name (`partials/item`), read now.
    public func templateSources() throws -> [String: String] {
        var sources: [String: String] = [:]
        for (path, source) in files where path.hasSuffix(".mustache") {
            let name = String(path.dropLast(".mustache".count))
            switch source {
            case let .builtIn(data): sources[name] = String(decoding: data, as: UTF8.self)
            case let .site(url): sources[name] = try String(contentsOf: url, encoding: .utf8)
            }
        }
        return sources
    }

    /// `assets/**` (CSS, favicon, scripts), written to the same path in the output. A site's
    /// file is copied from where it is; a built-in one is written from its bytes.
    public var assetFiles: [OutputFile] {
        files.filter { $0.key.hasPrefix("assets/") }.sorted { $0.key < $1.key }.map { path, source in
            switch source {
            case let .builtIn(data): OutputFile(path: path, content: .bytes(data))
            case let .site(url): OutputFile(path: path, content: .copy(url))
            }
        }
    }
}
