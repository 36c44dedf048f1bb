import Foundation

/// What the watcher compares between polls: every input file's path, size and modification time.
/// Polling works on every file system and container, where inotify may not.
struct SiteFingerprint: Equatable, Sendable {
    private var entries: [String: [Int]] = [:]

    static func read(siteDirectory: URL) -> SiteFingerprint {
        var fingerprint = SiteFingerprint()
        let fileManager = FileManager.default
        for folder in ["Content", "Templates"] {
            let root = siteDirectory.appendingPathComponent(folder).resolvingSymlinksInPath()
            guard let enumerator = fileManager.enumerator(atPath: root.path) else { continue }
            for case let relative as String in enumerator {
                fingerprint.add("\(folder)/\(relative)", at: root.appendingPathComponent(relative))
            }
        }
        fingerprint.add("site.yml", at: siteDirectory.appendingPathComponent("site.yml"))
        return fingerprint
    }

    private mutating func add(_ key: String, at url: URL) {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return }
        entries[key] = [Int(info.st_size), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec), Int(info.st_ino)]
    }
}
