import Foundation

/// What one build leaves for the next, in a hidden folder of the site (never in the output):
/// every article's parse, keyed by its source file's size and content hash (in bucket files
/// beside the main one), and the fingerprint of every file written. A rebuild parses only the files whose bytes changed and
/// renders only the pages whose fingerprint changed. `digest build --clean` ignores it.
public struct BuildCache: Sendable {
    /// `.digest-cache/` in the site folder; safe to delete at any time.
    public static let folderName = ".digest-cache"
    static let fileName = "build.cache"
    /// Bumped whenever what is stored, or how a fingerprint is made, changes.
    static let format = 18

    /// The Digest build that wrote it: a new version renders differently, so it starts afresh.
    var generator: String
    /// Parse settings the articles were parsed with (time zone, raw HTML, local files).
    var parseSettings: UInt64
    var articles: [String: ArticleParser.Outcome] = [:]
    /// The output folder `files` describes, and what each of its files was made from.
    var output: String
    var files: [String: FileRecord] = [:]
    /// The files that are not pages, by the folder that holds each (`search/docs`), when
    /// worked out: a session's records do it on their own thread after the build, so that the
    /// next build tells which it keeps without going through every page's record
    /// (`KeptOutput.settled`). Never saved.
    var otherFilesByFolder: [String: [String]]?
    /// The records of a build of this process (a session's), held since, never decoded: every
    /// article's body has its HTML or the way to make it, and the layout was made for the
    /// articles. Never saved, nor is any of the three below, which only a session's records hold.
    var inMemory = false
    /// The articles that build indexed, in their order, and `SiteLayout.articlesDigest` of them.
    var publishedArticles: [Article]?
    var articlesDigest: UInt64 = 0
    /// What the build loaded of `Content/`, its files' bytes let go, for the next load.
    var content: ContentSnapshot?
    /// The stamp of each of its folders after the build, so the next one lists the output
    /// without walking it (`OutputListing`).
    var folders: [String: FileStamp] = [:]
    /// When the folders were stamped, in nanoseconds since 1970.
    var foldersStatedAtNanoseconds = 0
    /// The site's `structureFingerprint`, when the build worked it out, and what it stood on
    /// besides the articles' fields (`Pipeline.structureBasis`).
    var structure: UInt64?
    var structureBasis: UInt64 = 0
    /// How the build placed and grouped its articles, and what from (`SiteLayout.key`).
    var layout: SiteLayout?
    var layoutKey: UInt64 = 0
    /// The layout's file, when the layout is the one in it: as read from disk, or, for a
    /// build that kept the layout it read, that file, which a save then keeps.
    var layoutFileName: String?
    /// How each source file looked when this build read it, and when that was (seconds since
    /// 1970). The next build does not even read a file that still looks the same, unless it
    /// was modified within two seconds of that moment: file times are coarse, so an edit in
    /// the same tick as the read could otherwise go unseen.
    var sourceStamps: [String: FileStamp] = [:]
    var sourcesStatedAtSeconds = 0
    /// `sourceStamps` already encoded (`stampTable(of:)`), for a save: a build makes it from
    /// its sources beside the rendering, so the save at the end has one table fewer to write.
    var sourceStampsTable: [UInt8]?

    /// The article buckets' file names as read from disk, and those of them a save may keep as
    /// they are (`keepBuckets(unchangedExcept:from:)`).
    var bucketNames: [String] = []
    var unchangedBuckets: [Int: String] = [:]

    /// Lets `encoded()` keep the bucket files of `previous` that hold none of `changed`
    /// (articles parsed afresh, added or removed): their bytes would come out the same.
    mutating func keepBuckets(unchangedExcept changed: Set<String>, from previous: BuildCache) {
        guard previous.parseSettings == parseSettings, previous.bucketNames.count == Self.bucketCount else { return }
        let dirty = Set(changed.map(Self.bucket(of:)))
        for index in 0..<Self.bucketCount where !dirty.contains(index) {
            unchangedBuckets[index] = previous.bucketNames[index]
        }
    }

    /// Whether a source found with `stamp` may be trusted without reading it: asked of each
    /// source, so that no table of trusted stamps is made first.
    func trusts(_ path: String, stamp: FileStamp) -> Bool {
        isTrusted(stamp) && sourceStamps[path] == stamp
    }

    private func isTrusted(_ stamp: FileStamp) -> Bool {
        stamp.seconds < sourcesStatedAtSeconds - 2 && stamp.changeSeconds < sourcesStatedAtSeconds - 2
    }

    /// A file the build wrote: the fingerprint of what it was made from, and how it looked on
    /// disk afterwards, so a file replaced since (a restored backup, a deploy tool) is noticed
    /// and written again rather than trusted.
    struct FileRecord: Sendable, Equatable {
        var fingerprint: UInt64
        var stamp: FileStamp
        /// A page (`PageJob`), as against a newsletter, feed or copied file: a rebuild after
        /// a body edit keeps the recorded pages without listing them (`KeptOutput`).
        var isPage = false
    }

    public init(generator: String, parseSettings: UInt64, output: String) {
        self.generator = generator
        self.parseSettings = parseSettings
        self.output = output
    }

    static func url(in siteDirectory: URL) -> URL {
        siteDirectory.appendingPathComponent(folderName).appendingPathComponent(fileName)
    }

    /// The cache left by the last build, or nil when there is none or it does not apply
    /// (another Digest, another format, unreadable: all mean a full build, never an error).
    static func load(from siteDirectory: URL, generator: String) -> BuildCache? {
        let folder = siteDirectory.appendingPathComponent(folderName)
        guard let bytes = try? FileBytes.read(url(in: siteDirectory).path),
            let cache = try? BuildCache(
                decoding: bytes,
                readBucket: { name in
                    try FileBytes.read(folder.appendingPathComponent(name).path)
                }),
            cache.generator == generator
        else { return nil }
        return cache
    }

    /// Written after the output is in place. New bucket files first, then the main file that
    /// names them, atomically: a build killed on the way leaves the old cache or the new one,
    /// and the next build checks every fingerprint against it anyway. Bucket files no longer
    /// named go last.
    func save(in siteDirectory: URL) throws {
        let folder = siteDirectory.appendingPathComponent(Self.folderName)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Tools that skip ignored folders (rsync filters, editors) recognise this marker.
        let tag = folder.appendingPathComponent("CACHEDIR.TAG")
        if !FileManager.default.fileExists(atPath: tag.path) {
            try Data("Signature: 8a477f597d28d172789f06886806bc55\n# Digest's build cache; see README.md\n".utf8).write(to: tag)
        }
        let (main, buckets) = encoded()
        for (name, bytes) in buckets {
            try FileBytes.write(bytes, atomicallyTo: folder.appendingPathComponent(name).path)
        }
        try FileBytes.write(main, atomicallyTo: Self.url(in: siteDirectory).path)
        let named = Set(buckets.keys).union(unchangedBuckets.values).union(layoutFileName.map { [$0] } ?? [])
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        where (Self.isBucketFileName(name) || Self.isBucketFileName(name, kind: Self.layoutKind)) && !named.contains(name) {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }
}
