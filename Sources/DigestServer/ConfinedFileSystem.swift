import Foundation
import Hummingbird
import Logging
import NIOCore

/// Hummingbird's local file provider, confined to one folder: a request path with a backslash or
/// a NUL, or one that resolves (through symlinks too) outside the folder, finds no file.
///
/// A file is read whole, through one open, when it is looked up, and its size and body come from
/// those bytes, after `transform` (the live-reload script added to HTML pages). Hummingbird's own provider takes the size from one `stat` and reads the body
/// through a later `open`; a rebuild swapping the site in between would then send one page's
/// length with another page's bytes, a torn page.
struct ConfinedFileSystem: FileProvider {
    /// What one lookup found: a folder, or a file's bytes and modification date.
    struct FileIdentifier: Sendable {
        let path: String
        let attributes: FileAttributes
        let contents: Data
    }

    struct FileAttributes: FileMiddlewareFileAttributes, Sendable {
        let isFolder: Bool
        let size: Int
        let modificationDate: Date
    }

    let root: String
    /// Applied to the bytes of every `.html` file before they are measured and served.
    let transformHTML: @Sendable (Data) -> Data

    init(root: URL, logger: Logger, transformHTML: @escaping @Sendable (Data) -> Data = { $0 }) {
        self.root = root.standardizedFileURL.resolvingSymlinksInPath().path
        self.transformHTML = transformHTML
    }

    func getFileIdentifier(_ path: String) -> FileIdentifier? {
        guard !path.contains("\\"), !path.contains("\0"),
            !path.split(separator: "/").contains(where: { $0 == ".." })
        else { return nil }
        let full = root + (path.hasPrefix("/") ? path : "/" + path)
        let resolved = URL(fileURLWithPath: full).resolvingSymlinksInPath().path
        guard resolved == root || resolved.hasPrefix(root + "/") else { return nil }
        guard let found = Self.snapshot(resolved) else { return nil }
        guard !found.attributes.isFolder, resolved.hasSuffix(".html") else { return found }
        let contents = transformHTML(found.contents)
        return FileIdentifier(
            path: found.path,
            attributes: .init(
                isFolder: false, size: contents.count,
                modificationDate: found.attributes.modificationDate),
            contents: contents)
    }

    /// The folder or file at `path`, read through one descriptor.
    static func snapshot(_ path: String) -> FileIdentifier? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        let modified = Date(timeIntervalSince1970: TimeInterval(status.st_mtim.tv_sec) + TimeInterval(status.st_mtim.tv_nsec) / 1e9)
        if (status.st_mode & S_IFMT) == S_IFDIR {
            return FileIdentifier(path: path, attributes: .init(isFolder: true, size: 0, modificationDate: modified), contents: Data())
        }
        guard (status.st_mode & S_IFMT) == S_IFREG, let contents = try? handle.readToEnd() ?? Data() else { return nil }
        return FileIdentifier(path: path, attributes: .init(isFolder: false, size: contents.count, modificationDate: modified), contents: contents)
    }

    func getAttributes(id: FileIdentifier) async throws -> FileAttributes? {
        id.attributes
    }

    func loadFile(id: FileIdentifier, context: some RequestContext) async throws -> ResponseBody {
        ResponseBody(byteBuffer: ByteBuffer(bytes: id.contents))
    }

    func loadFile(id: FileIdentifier, range: ClosedRange<Int>, context: some RequestContext) async throws -> ResponseBody {
        let bounded = range.clamped(to: 0...max(id.contents.count - 1, 0))
        return ResponseBody(byteBuffer: ByteBuffer(bytes: id.contents.isEmpty ? Data() : id.contents[bounded]))
    }
}
