import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Reads `Content/` from disk: every Markdown file's bytes, and the paths of everything else.
public struct ContentLoader: Sendable {
    public static let markdownExtensions: Set<String> = ["md", "markdown"]

    public var siteDirectory: URL
    public var contentFolder: String

    public init(siteDirectory: URL, contentFolder: String = "Content") {
        self.siteDirectory = siteDirectory
        self.contentFolder = contentFolder
    }

    /// Reads every Markdown file.
    public func load() -> ContentSnapshot {
        load(trusts: { { _, _ in false } })
    }

    /// `trusts` is asked for once every file is stamped: a rebuild decodes its cache (which
    /// holds the stamps) on other threads meanwhile, instead of before it lists the content.
    /// It then says of each file, by its path and stamp, whether the build cache knows its
    /// bytes: such a file is left unread unless a page needs its body.
    ///
    /// `listed`, a reading of the site's inputs just taken (the preview's), stands for listing
    /// and stamping the files here: an edit since shows in the caller's next reading. `last`,
    /// what the last load from a reading gave, is taken but for what changed, when it can be.
    func load(
        trusts: () -> @Sendable (String, FileStamp) -> Bool, listed: InputStamps? = nil, last: ContentSnapshot? = nil
    ) -> ContentSnapshot {
        let root = siteDirectory.appendingPathComponent(contentFolder, isDirectory: true)
        let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
        var snapshot = ContentSnapshot(sources: [])
        guard FileManager.default.fileExists(atPath: root.path) else {
            snapshot.diagnostics.append(
                Diagnostic(
                    file: contentFolder, message: "no \(contentFolder)/ folder in \(siteDirectory.path)",
                    hint: "run digest in a site folder, or pass --site DIR"))
            return snapshot
        }
        // Links are resolved (and checked) one by one; plain files cannot lead out of Content/.
        // Plain strings, not URLs, per file: Foundation's URL building showed in rebuild times.
        var markdown: [(path: String, full: String, relative: String)] = []
        var markdownListed: [Int] = []
        let rootString = root.path
        let reading = listed.flatMap { $0.siteDirectory == siteDirectory.path && contentFolder == "Content" ? $0 : nil }
        if let reading, let last, let taken = unchanged(since: last, reading: reading, root: rootString, trusts: trusts) {
            return taken
        }
        for (index, entry) in (reading?.content ?? Self.entries(root)).enumerated() {
            let relative = entry.path
            let path = "\(contentFolder)/\(relative)"
            let full = "\(rootString)/\(relative)"
            if entry.isLink {
                let resolved = URL(fileURLWithPath: full).resolvingSymlinksInPath().path
                // A symlink may point anywhere; never read or copy what lies outside Content/.
                guard resolved == rootPath || resolved.hasPrefix(rootPath + "/") else {
                    snapshot.diagnostics.append(
                        .warning(
                            file: path, message: "skipped: it is a symbolic link to \(resolved), outside \(contentFolder)/",
                            hint: "copy the file into \(contentFolder)/ instead"))
                    continue
                }
            }
            if Self.markdownExtensions.contains(Self.pathExtension(relative)) {
                markdown.append((path, full, relative))
                markdownListed.append(index)
            } else if !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                snapshot.assets.insert(path)
            }
        }
        // Statting and reading are mostly waiting on the disk, so they run on every core too.
        // Each file is stamped before it is read, so an edit made during the read shows at the
        // next build.
        let stamps: [FileStamp?]
        if let reading {
            stamps = markdownListed.map { reading.contentStamps[$0] }
        } else {
            let folder = OpenFolder(rootString)
            stamps = markdown.parallelMap { file in folder.flatMap { FileStamp(file.relative, in: $0) } }
        }
        let trusted = trusts()
        let files = markdown
        let reads = Array(files.indices).parallelMap { index in
            Result { try Self.source(files[index].path, at: files[index].full, stamp: stamps[index], trusted: trusted) }
        }
        if let reading {
            var sourceOfEntry = [Int?](repeating: nil, count: reading.content.count)
            var next = 0
            for (entry, read) in zip(markdownListed, reads) {
                guard case .success = read else { continue }
                sourceOfEntry[entry] = next
                next += 1
            }
            snapshot.listing = ListedContent(entries: reading.content, stamps: reading.contentStamps, sourceOfEntry: sourceOfEntry)
        }
        for (file, read) in zip(markdown, reads) {
            switch read {
            case let .success(source): snapshot.sources.append(source)
            case let .failure(error):
                snapshot.diagnostics.append(
                    Diagnostic(
                        file: file.path, message: "cannot read the file: \(Self.reason(error))",
                        hint: "check its permissions"))
            }
        }
        // Already in path order: `entries` sorts, and every path has the same prefix.
        return snapshot
    }

    /// The source at `path` (from the site folder), to be found at `full`: left unread when
    /// `trusted` knows its stamp, else read.
    static func source(_ path: String, at full: String, stamp: FileStamp?, trusted: (String, FileStamp) -> Bool) throws -> SourceFile {
        if let stamp, trusted(path, stamp) {
            var source = SourceFile(path: path, bytes: Data())
            source.stamp = stamp
            source.unread = true
            source.location = full
            return source
        }
        var source = SourceFile(path: path, bytes: try Data(contentsOf: URL(fileURLWithPath: full, isDirectory: false)))
        source.stamp = stamp
        return source
    }

    /// Regular files below `root`, relative to it and sorted, skipping hidden files and folders.
    static func walk(_ root: URL) -> [String] {
        entries(root).map(\.path)
    }

    /// A file found by `entries`; `isLink` when it is a symbolic link (to a file, or to
    /// nothing).
    struct Entry: Sendable, Equatable {
        var path: String
        var isLink: Bool
    }

    /// `walk` with the symbolic links marked, read with `opendir`/`readdir`: Foundation's
    /// enumerator fetches resource values for every file, which showed in a large site's build.
    /// Links to folders are not followed, as before, so a link cannot make the walk loop.
    static func entries(_ root: URL) -> [Entry] {
        // A folder that is itself a link (the sample site's Templates/) is read where it points.
        let base = root.resolvingSymlinksInPath().standardizedFileURL.path
        var found: [Entry] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let (files, folders) = folderEntries(relative.isEmpty ? base : "\(base)/\(relative)")
            let prefix = relative.isEmpty ? "" : relative + "/"
            found += files.map { Entry(path: prefix + $0.path, isLink: $0.isLink) }
            pending += folders.map { prefix + $0 }
        }
        return found.sorted { $0.path < $1.path }
    }

    /// The files and folders directly in `folder` (names only), hidden ones skipped.
    static func folderEntries(_ folder: String) -> (files: [Entry], folders: [String]) {
        var files: [Entry] = []
        var folders: [String] = []
        guard let handle = opendir(folder) else { return ([], []) }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let name = DirectoryEntry.name(entry)
            guard !name.hasPrefix(".") else { continue }
            let full = "\(folder)/\(name)"
            switch Int32(DirectoryEntry.type(entry)) {
            case Int32(DT_DIR): folders.append(name)
            case Int32(DT_REG): files.append(Entry(path: name, isLink: false))
            case Int32(DT_LNK):
                // A dangling link is listed, so reading it reports the problem.
                if fileType(full) != S_IFDIR { files.append(Entry(path: name, isLink: true)) }
            default:
                // Some file systems do not fill in d_type.
                switch fileType(full, follow: false) {
                case S_IFDIR: folders.append(name)
                case S_IFREG: files.append(Entry(path: name, isLink: false))
                case S_IFLNK where fileType(full) != S_IFDIR: files.append(Entry(path: name, isLink: true))
                default: break
                }
            }
        }
        return (files, folders)
    }

    private static func fileType(_ path: String, follow: Bool = true) -> mode_t? {
        var info = stat()
        guard (follow ? stat(path, &info) : lstat(path, &info)) == 0 else { return nil }
        return info.st_mode & S_IFMT
    }

    /// `md` for `2019/02/a.MD`; empty without an extension.
    /// Read backwards over the bytes of the file name: it runs for every file of every build.
    static func pathExtension(_ path: String) -> String {
        let bytes = path.utf8
        var nameStart = bytes.endIndex
        var lastDot: String.Index?
        while nameStart > bytes.startIndex {
            let before = bytes.index(before: nameStart)
            if bytes[before] == UInt8(ascii: "/") { break }
            if bytes[before] == UInt8(ascii: "."), lastDot == nil { lastDot = before }
            nameStart = before
        }
        guard let lastDot, lastDot != nameStart else { return "" }
        let pathExtension = path[bytes.index(after: lastDot)...]
        let isLower = pathExtension.utf8.allSatisfy { $0 < 0x80 && !(UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
        return isLower ? String(pathExtension) : pathExtension.lowercased()
    }

    static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError {
            return underlying.localizedDescription
        }
        return nsError.localizedDescription
    }
}
