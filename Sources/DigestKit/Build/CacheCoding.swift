extension BuildCache {
    /// Articles are kept in this many buckets, by a hash of their path, each in a file of its
    /// own: each bucket is encoded and decoded on its own core, and a rebuild writes only the
    /// buckets holding an article that changed, keeping the others' files.
    static let bucketCount = 32

    static func bucket(of path: String) -> Int {
        Int(StableHasher.hash(Array(path.utf8)) % UInt64(bucketCount))
    }

    /// Magic bytes and format number first, so another file (or an older Digest's) is refused.
    static let magic = "digest-cache"

    /// The main file's bytes, and the article buckets to write beside it, by file name. A
    /// bucket is named by a hash of its bytes, so a bucket that did not change keeps its file
    /// and a one-article rebuild writes one bucket instead of every article again.
    func encoded() -> (main: [UInt8], buckets: [String: [UInt8]]) {
        var writer = CacheWriter()
        writer.write(Self.magic)
        writer.write(Self.format)
        writer.write(generator)
        writer.write(parseSettings)
        writer.write(output)
        // Only the paths of buckets to encode again are gathered: copying every article into
        // buckets showed in the time of a one-article rebuild.
        var buckets = [[String]](repeating: [], count: Self.bucketCount)
        for path in articles.keys {
            let index = Self.bucket(of: path)
            if unchangedBuckets[index] == nil { buckets[index].append(path) }
        }
        let encodedBuckets = Array(buckets.enumerated()).parallelMap { index, paths -> (name: String, bytes: [UInt8]?) in
            if let kept = unchangedBuckets[index] { return (kept, nil) }
            let encoder = CacheEncoder()
            do {
                encoder.writer.write(paths.count)
                for path in paths {
                    encoder.writer.write(path)
                    try Self.write(articles[path]!, to: encoder)
                }
            } catch {
                // A value the layout has no place for (see `CacheEncoder`): the bucket is left
                // empty, and the next build parses its articles again.
                encoder.writer = CacheWriter()
                encoder.writer.write(0)
            }
            return (Self.bucketFileName(encoder.writer.bytes), encoder.writer.bytes)
        }
        // The three tables are parts of their own, made (and read) on every core.
        let tables = [0, 1, 2].parallelMap { table -> [UInt8] in
            var writer = CacheWriter()
            switch table {
            case 0: Self.write(files, into: &writer)
            case 1: Self.write(folders, into: &writer)
            default:
                if let sourceStampsTable { return sourceStampsTable }
                Self.write(sourceStamps, into: &writer)
            }
            return writer.bytes
        }
        var written: [String: [UInt8]] = [:]
        var layoutName = layoutFileName
        if layoutName == nil, let layout {
            let bytes = Self.encodedLayout(layout, key: layoutKey)
            layoutName = Self.bucketFileName(bytes, kind: Self.layoutKind)
            written[layoutName!] = bytes
        }
        writer.reserve(tables.reduce(128) { $0 + $1.count + 8 })
        writer.write(encodedBuckets.map(\.name))
        writer.write(layoutName)
        writer.writePart(tables[0])
        writer.write(foldersStatedAtNanoseconds)
        writer.writePart(tables[1])
        writer.write(structure != nil)
        writer.write(structure ?? 0)
        writer.write(structureBasis)
        writer.write(sourcesStatedAtSeconds)
        writer.writePart(tables[2])
        for bucket in encodedBuckets { if let bytes = bucket.bytes { written[bucket.name] = bytes } }
        return (writer.bytes, written)
    }

    /// `kind` is `articles` for an article bucket, `layout` for the site's layout.
    static func bucketFileName(_ bytes: [UInt8], kind: String = "articles") -> String {
        let hash = String(StableHasher.hash(bytes), radix: 16)
        return kind + "-" + String(repeating: "0", count: 16 - hash.count) + hash + ".bucket"
    }

    /// Only names `bucketFileName` makes: a damaged main file cannot point elsewhere.
    static func isBucketFileName(_ name: String, kind: String = "articles") -> Bool {
        let prefix = kind.utf8.count + 1
        return name.utf8.count == prefix + 23 && name.hasPrefix(kind + "-") && name.hasSuffix(".bucket")
            && name.dropFirst(prefix).prefix(16).allSatisfy(\.isHexDigit)
    }

    /// `readBucket` gives a bucket file's bytes by name.
    init(decoding bytes: [UInt8], readBucket: @Sendable (String) throws -> [UInt8]) throws {
        var reader = CacheReader(bytes)
        guard try reader.string() == Self.magic, try reader.int() == Self.format else { throw CacheReader.Damaged() }
        self.init(generator: try reader.string(), parseSettings: try reader.uint64(), output: try reader.string())
        let names = try reader.strings()
        guard names.count == Self.bucketCount, names.allSatisfy({ Self.isBucketFileName($0) }) else { throw CacheReader.Damaged() }
        let layoutName = try reader.optionalString()
        guard layoutName.map({ Self.isBucketFileName($0, kind: Self.layoutKind) }) ?? true else { throw CacheReader.Damaged() }
        let filesPart = try reader.part()
        foldersStatedAtNanoseconds = try reader.int()
        let foldersPart = try reader.part()
        let hasStructure = try reader.bool()
        let structure = try reader.uint64()
        self.structure = hasStructure ? structure : nil
        structureBasis = try reader.uint64()
        sourcesStatedAtSeconds = try reader.int()
        let stampsPart = try reader.part()
        guard reader.isAtEnd else { throw CacheReader.Damaged() }

        // The three tables, the layout and the buckets, each on the next free core.
        enum Decoded: Sendable {
            case bucket([(String, ArticleParser.Outcome)])
            case files([String: FileRecord])
            case stamps([String: FileStamp])
            case layout(key: UInt64, SiteLayout?)
        }
        let tableCount = 4
        let decoded = Array(0..<(tableCount + names.count)).parallelMap { task in
            Result { () throws -> Decoded in
                switch task {
                case 0:
                    var reader = CacheReader(bytes, part: filesPart)
                    let files = try Self.readRecords(&reader, limit: filesPart.count / 8)
                    guard reader.isAtEnd else { throw CacheReader.Damaged() }
                    return .files(files)
                case 1, 2:
                    let part = task == 1 ? foldersPart : stampsPart
                    var reader = CacheReader(bytes, part: part)
                    let stamps = try Self.readStamps(&reader, limit: part.count / 8)
                    guard reader.isAtEnd else { throw CacheReader.Damaged() }
                    return .stamps(stamps)
                case 3:
                    guard let layoutName else { return .layout(key: 0, nil) }
                    let bytes = try readBucket(layoutName)
                    guard Self.bucketFileName(bytes, kind: Self.layoutKind) == layoutName else { throw CacheReader.Damaged() }
                    let (key, layout) = try Self.decodedLayout(bytes)
                    return .layout(key: key, layout)
                default:
                    let name = names[task - tableCount]
                    let chunk = try readBucket(name)
                    // A bucket whose bytes do not match its name was cut short or changed.
                    guard Self.bucketFileName(chunk) == name else { throw CacheReader.Damaged() }
                    let decoder = CacheDecoder(CacheReader(chunk))
                    let entries = try (0..<decoder.reader.count()).map { _ in
                        let path = try decoder.reader.string()
                        return (path, try Self.readOutcome(decoder, path: path))
                    }
                    guard decoder.reader.isAtEnd else { throw CacheReader.Damaged() }
                    return .bucket(entries)
                }
            }
        }
        var chunkEntries: [[(String, ArticleParser.Outcome)]] = []
        for (task, result) in decoded.enumerated() {
            switch (task, try result.get()) {
            case let (0, .files(records)): files = records
            case let (1, .stamps(stamps)): folders = stamps
            case let (2, .stamps(stamps)): sourceStamps = stamps
            case let (3, .layout(key, layout)): (layoutKey, self.layout) = (key, layout)
            case let (_, .bucket(entries)): chunkEntries.append(entries)
            default: throw CacheReader.Damaged()
            }
        }
        // Sized up front: growing these tables by doubling showed in decoding.
        articles.reserveCapacity(chunkEntries.reduce(0) { $0 + $1.count })
        for (index, entries) in chunkEntries.enumerated() {
            for (path, outcome) in entries {
                guard Self.bucket(of: path) == index else { throw CacheReader.Damaged() }
                articles[path] = outcome
            }
        }
        bucketNames = names
        layoutFileName = layoutName
    }
}
