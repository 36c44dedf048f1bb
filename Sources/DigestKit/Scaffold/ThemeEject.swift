import Foundation

/// `digest theme eject`: copies built-in theme files into a site's `Templates/`, where the site
/// can change them. A file the site already has is never overwritten.
public struct ThemeEject: Sendable {
    public var siteDirectory: URL

    public init(siteDirectory: URL) {
        self.siteDirectory = siteDirectory.standardizedFileURL
    }

    public enum EjectError: Error, Equatable, CustomStringConvertible {
        case unknown(name: String, known: [String])

        public var description: String {
            switch self {
            case let .unknown(name, known):
                return "the built-in theme has no '\(name)'; it has: \(known.joined(separator: ", "))"
            }
        }
    }

    public struct Report: Sendable, Equatable {
        /// Theme paths written into `Templates/`.
        public var written: [String] = []
        /// Theme paths the site already had, left as they were.
        public var kept: [String] = []
    }

    /// Every built-in file's path, for listing.
    public static var builtInPaths: [String] { Theme.builtIn.files.keys.sorted() }

    /// The built-in paths `names` stand for: a template's name (`article`, `partials/item`), a
    /// path (`assets/style.css`), or a folder (`partials`, `assets`); every file when empty.
    public static func paths(for names: [String]) throws(EjectError) -> [String] {
        let all = builtInPaths
        guard !names.isEmpty else { return all }
        var chosen: [String] = []
        for name in names {
            let trimmed = name.hasSuffix("/") ? String(name.dropLast()) : name
            let matches = all.filter { $0 == trimmed || $0 == trimmed + ".mustache" || $0.hasPrefix(trimmed + "/") }
            guard !matches.isEmpty else {
                let templates = all.filter { $0.hasSuffix(".mustache") }.map { String($0.dropLast(".mustache".count)) }
                throw .unknown(name: name, known: templates + all.filter { !$0.hasSuffix(".mustache") })
            }
            chosen += matches.filter { !chosen.contains($0) }
        }
        return chosen
    }

    /// Writes `paths` (from `paths(for:)`) into `Templates/`, keeping what is there.
    public func eject(_ paths: [String]) throws -> Report {
        var report = Report()
        let templates = siteDirectory.appendingPathComponent("Templates")
        for path in paths {
            guard let data = BuiltInTheme.files[path] else { continue }
            let target = templates.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: target.path) {
                report.kept.append(path)
                continue
            }
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            // withoutOverwriting: a file that appeared since the check above is still kept.
            try data.write(to: target, options: .withoutOverwriting)
            report.written.append(path)
        }
        return report
    }
}
