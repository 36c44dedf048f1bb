import Foundation
import Hummingbird
import Logging

/// Hummingbird's local file provider, confined to one folder: a request path with a backslash or
/// a NUL, or one that resolves (through symlinks too) outside the folder, finds no file.
struct ConfinedFileSystem: FileProvider {
    typealias FileAttributes = LocalFileSystem.FileAttributes
    typealias FileIdentifier = LocalFileSystem.FileIdentifier

    let root: String
    let files: LocalFileSystem

    init(root: URL, logger: Logger) {
        self.root = root.standardizedFileURL.resolvingSymlinksInPath().path
        self.files = LocalFileSystem(rootFolder: self.root, threadPool: .singleton, logger: logger)
    }

    func getFileIdentifier(_ path: String) -> FileIdentifier? {
        guard !path.contains("\\"), !path.contains("\0"),
              !path.split(separator: "/").contains(where: { $0 == ".." }),
              let id = files.getFileIdentifier(path) else { return nil }
        let resolved = URL(fileURLWithPath: id).resolvingSymlinksInPath().path
        guard resolved == root || resolved.hasPrefix(root + "/") else { return nil }
        return id
    }

    func getAttributes(id: FileIdentifier) async throws -> FileAttributes? {
        try await files.getAttributes(id: id)
    }

    func loadFile(id: FileIdentifier, context: some RequestContext) async throws -> ResponseBody {
        try await files.loadFile(id: id, context: context)
    }

    func loadFile(id: FileIdentifier, range: ClosedRange<Int>, context: some RequestContext) async throws -> ResponseBody {
        try await files.loadFile(id: id, range: range, context: context)
    }
}
