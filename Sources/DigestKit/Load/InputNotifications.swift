import Foundation

#if canImport(Glibc)
import Glibc

/// The kernel's word that something in the site's inputs changed, and in which folders (Linux
/// inotify), so the preview's watcher reads again only those (`InputStamps.reading(again:)`),
/// and only then, rather than stamping every file a few times a second, which kept a large
/// site's idle preview busy. Only a hint: the watcher still compares readings, and still reads
/// everything now and then without one, for file systems that tell nothing (network shares
/// written from elsewhere).
///
/// Unchecked: one watcher asks, from one task at a time.
public final class InputNotifications: @unchecked Sendable {
    private let descriptor: Int32
    private let siteDirectory: URL
    /// `Content/` and `Templates/`, their links resolved, as their folders' watches are named;
    /// found again when one of them is made, moved or pointed elsewhere.
    private var contentRoot = ""
    private var templatesRoot = ""
    /// The watch on the site folder itself, which hears of `site.yml` (and of everything
    /// else there, `Public/` included, which it ignores).
    private var siteWatch: Int32 = -1
    /// The folders watched, by their watch.
    private var watched: [Int32: String] = [:]
    private let events = UInt32(
        IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_DELETE_SELF | IN_MOVE_SELF)

    /// Whether the site's inputs are all on local disks, where the kernel tells of every
    /// change, rather than on a network share or a FUSE mount (a VM's or a container's shared
    /// folder), where changes made by another machine pass untold.
    public let inputsAreLocal: Bool

    /// nil when the kernel gives no notifications here, or refuses a watch (its limit on
    /// watches): the caller polls instead.
    public init?(siteDirectory: URL) {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        self.siteDirectory = siteDirectory
        inputsAreLocal = ["", "Content", "Templates"].map { siteDirectory.appendingPathComponent($0).resolvingSymlinksInPath().path }
            .allSatisfy { !FileManager.default.fileExists(atPath: $0) || Self.isOnLocalDisk($0) }
        siteWatch = inotify_add_watch(descriptor, siteDirectory.path, events)
        guard siteWatch >= 0, watchFolders() else {
            close(descriptor)
            return nil
        }
    }

    deinit {
        close(descriptor)
    }

    /// Waits until the kernel has something to tell, or `milliseconds` pass; true when it has.
    /// Blocks the calling thread.
    public func waitForNews(milliseconds: Int32) -> Bool {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&request, 1, milliseconds) > 0
    }

    /// Where inputs changed since the last call, by the folders the kernel named; reads every
    /// notification waiting. New folders are watched from then on.
    public func changes() -> InputChanges {
        var changes = InputChanges()
        let capacity = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let count = read(descriptor, buffer, capacity)
            guard count > 0 else { break }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
                let nameStart = buffer + offset + MemoryLayout<inotify_event>.size
                let name = event.len > 0 ? String(cString: nameStart.assumingMemoryBound(to: CChar.self)) : ""
                offset += MemoryLayout<inotify_event>.size + Int(event.len)
                if event.mask & UInt32(IN_Q_OVERFLOW) != 0 {
                    changes.everything = true
                } else if event.wd == siteWatch {
                    if name == "site.yml" { changes.settings = true }
                    if name == "Content" || name == "Templates" { changes.everything = true }
                } else if let folder = watched[event.wd] {
                    // The folder's parent is told of the folder's own removal or move too.
                    if let relative = Self.path(folder, under: contentRoot) {
                        changes.contentFolders.insert(relative)
                    } else if Self.path(folder, under: templatesRoot) != nil {
                        changes.settings = true
                    }
                }
                // The kernel drops the watch of a folder that is gone; one made again at
                // the same path is watched anew.
                if event.mask & UInt32(IN_IGNORED) != 0 { watched[event.wd] = nil }
            }
        }
        // A folder made since (a new month's) is watched from now on; a failed watch is
        // made up for by the watcher's occasional full look.
        if changes.everything { findRoots() }
        if !changes.isEmpty { watchFolders(under: roots(of: changes)) }
        return changes
    }

    /// Whether `path` (links resolved) is on a file system known to keep to one machine: ext2-4,
    /// XFS, Btrfs, F2FS, ZFS, bcachefs, ReiserFS, JFS, tmpfs, ramfs or overlayfs.
    static func isOnLocalDisk(_ path: String) -> Bool {
        fileSystemType(of: path).map(localFileSystems.contains) ?? false
    }

    static let localFileSystems: Set<String> = [
        "ext2", "ext3", "ext4", "xfs", "btrfs", "f2fs", "zfs", "bcachefs", "reiserfs", "jfs", "tmpfs", "ramfs", "overlay",
    ]

    /// The type of the file system `path` is on, as the kernel's table of this process's mounts
    /// (`/proc/self/mountinfo`) names it: the last mount on the longest mount point holding it.
    static func fileSystemType(of path: String) -> String? {
        guard let table = try? String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8) else { return nil }
        var best: (length: Int, type: String)?
        for line in table.split(separator: "\n") {
            // `id parent major:minor root mount-point options [tags] - type source options`
            guard let dash = line.range(of: " - ") else { continue }
            let fields = line[..<dash.lowerBound].split(separator: " ")
            guard fields.count >= 5, let type = line[dash.upperBound...].split(separator: " ").first else { continue }
            // Spaces and the like in a mount point are written as octal escapes (`\040`).
            let mountPoint = String(fields[4]).replacingOccurrences(of: "\\040", with: " ")
            let holds = mountPoint == "/" || path == mountPoint || path.hasPrefix(mountPoint + "/")
            if holds, mountPoint.count >= (best?.length ?? 0) { best = (mountPoint.count, String(type)) }
        }
        return best?.type
    }

    /// `path` from `root` ("" for `root` itself), or nil when it is not under it.
    private static func path(_ path: String, under root: String) -> String? {
        if path == root { return "" }
        return path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : nil
    }

    /// The folders in which `changes` may have made new folders: only those are walked for
    /// them, as walking every folder of a large site after each save showed in its rebuilds.
    private func roots(of changes: InputChanges) -> [String]? {
        guard !changes.everything else { return nil }
        var roots = changes.contentFolders.map { $0.isEmpty ? contentRoot : contentRoot + "/" + $0 }
        if changes.settings { roots.append(templatesRoot) }
        return roots
    }

    /// Watches every folder of `Content/` and `Templates/` (or of `roots` only, with
    /// everything under them) not watched yet; false when the kernel refuses one.
    @discardableResult
    func watchFolders(under roots: [String]? = nil) -> Bool {
        if contentRoot.isEmpty { findRoots() }
        var pending = roots ?? [contentRoot, templatesRoot]
        let known = Set(watched.values)
        while let folder = pending.popLast() {
            if !known.contains(folder) {
                guard FileManager.default.fileExists(atPath: folder) else { continue }
                let watch = inotify_add_watch(descriptor, folder, events)
                guard watch >= 0 else { return false }
                watched[watch] = folder
            }
            pending += Self.subfolders(of: folder)
        }
        return true
    }

    private func findRoots() {
        contentRoot = siteDirectory.appendingPathComponent("Content").resolvingSymlinksInPath().path
        templatesRoot = siteDirectory.appendingPathComponent("Templates").resolvingSymlinksInPath().path
    }

    /// The folders directly in `folder`, hidden ones skipped (as the build skips them).
    private static func subfolders(of folder: String) -> [String] {
        ContentLoader.folderEntries(folder).folders.map { "\(folder)/\($0)" }
    }
}
#endif
