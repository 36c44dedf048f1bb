import Foundation

/// One Markdown file as read from disk, not yet decoded.
public struct SourceFile: Sendable, Hashable {
    /// Path relative to the site folder, with `/` separators (`Content/2019/02/x.md`).
    public var path: String
    public var bytes: Data
    /// How the file looked just before it was read (nil for sources made in memory).
    var stamp: FileStamp?
    /// Not read, because the build cache knows a file with this very stamp: `bytes` is empty
    /// and `contents()` reads them if a page turns out to need the body.
    var unread = false
    /// Where to read it: a path, not a URL, as making ten thousand URLs showed in rebuilds.
    var location: String?

    public init(path: String, bytes: Data) {
        self.path = path
        self.bytes = bytes
    }

    /// The bytes, read now if they were not read with the rest.
    func contents() throws -> Data {
        guard unread, let location else { return bytes }
        return try Data(contentsOf: URL(fileURLWithPath: location, isDirectory: false))
    }
}

/// What `Content/` holds: the articles to parse and the other files that pages may link to.
public struct ContentSnapshot: Sendable {
    public var sources: [SourceFile]
    /// Non-Markdown files, relative to the site folder, keyed for lookup by body links.
    public var assets: Set<String>
    /// Files that could not be read (permissions, symlinks leaving `Content/`).
    public var diagnostics: [Diagnostic]
    /// The reading of `Content/` this was made from, when it was given one (the preview's):
    /// the next load from a reading takes what did not change (`ContentLoader.unchanged`).
    var listing: ListedContent?

    public init(sources: [SourceFile], assets: Set<String> = [], diagnostics: [Diagnostic] = []) {
        self.sources = sources
        self.assets = assets
        self.diagnostics = diagnostics
    }
}

/// A reading's entries and stamps, and the source each entry became (nil for none).
struct ListedContent: Sendable {
    var entries: [ContentLoader.Entry]
    var stamps: [FileStamp?]
    var sourceOfEntry: [Int?]
}
