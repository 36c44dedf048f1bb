import Foundation

/// One Markdown file as read from disk, not yet decoded.
public struct SourceFile: Sendable, Hashable {
    /// Path relative to the site folder, with `/` separators (`Content/2019/02/x.md`).
    public var path: String
    public var bytes: Data

    public init(path: String, bytes: Data) {
        self.path = path
        self.bytes = bytes
    }
}

/// What `Content/` holds: the articles to parse and the other files that pages may link to.
public struct ContentSnapshot: Sendable {
    public var sources: [SourceFile]
    /// Non-Markdown files, relative to the site folder, keyed for lookup by body links.
    public var assets: Set<String>
    /// Files that could not be read (permissions, symlinks leaving `Content/`).
    public var diagnostics: [Diagnostic]

    public init(sources: [SourceFile], assets: Set<String> = [], diagnostics: [Diagnostic] = []) {
        self.sources = sources
        self.assets = assets
        self.diagnostics = diagnostics
    }
}
