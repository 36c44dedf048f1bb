import Foundation

/// The build cache's file format: fields written in a fixed order, lengths before contents.
/// Foundation's coders took a second each way for a 10,000-article site (measured: JSON 0.95 s
/// to decode and 1.0 s to encode 12 MB, binary property lists twice that), most of a rebuild's
/// budget; this reads the same data in a few hundredths of a second.
///
/// Any damage (a cut-off or foreign file) makes reading fail, and the build is then a full one.
struct CacheWriter {
    private(set) var bytes: [UInt8] = []

    mutating func reserve(_ count: Int) {
        bytes.reserveCapacity(bytes.count + count)
    }

    mutating func write(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ value: Int) { write(UInt64(bitPattern: Int64(value))) }

    mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func write(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            write(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func write(_ value: String?) {
        write(value != nil)
        if let value { write(value) }
    }

    mutating func write(_ value: Int?) {
        write(value != nil)
        if let value { write(value) }
    }

    mutating func write(_ values: [String]) {
        write(values.count)
        for value in values { write(value) }
    }

    mutating func write(_ values: [Int]) {
        write(values.count)
        for value in values { write(value) }
    }

    /// Bytes another writer made, their length first (see `CacheReader.part()`).
    mutating func writePart(_ part: [UInt8]) {
        write(part.count)
        bytes.append(contentsOf: part)
    }
}

struct CacheReader {
    struct Damaged: Error {}

    private let bytes: [UInt8]
    private var offset = 0
    /// Where this reader's part of `bytes` ends.
    private let end: Int

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        end = bytes.count
    }

    /// A reader of the part `part()` found.
    init(_ bytes: [UInt8], part: Range<Int>) {
        self.bytes = bytes
        offset = part.lowerBound
        end = part.upperBound
    }

    var isAtEnd: Bool { offset == end }

    /// Skips a part written with `CacheWriter.writePart`, returning where it lies, so parts
    /// can be read on several cores.
    mutating func part() throws -> Range<Int> {
        let count = try int()
        guard count >= 0, count <= end - offset else { throw Damaged() }
        defer { offset += count }
        return offset..<offset + count
    }

    mutating func uint64() throws -> UInt64 {
        guard offset + 8 <= end else { throw Damaged() }
        let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self) }
        offset += 8
        return UInt64(littleEndian: value)
    }

    mutating func int() throws -> Int { Int(Int64(bitPattern: try uint64())) }

    mutating func bool() throws -> Bool {
        guard offset < end else { throw Damaged() }
        offset += 1
        return bytes[offset - 1] != 0
    }

    mutating func string() throws -> String {
        let count = try int()
        guard count >= 0, count <= end - offset else { throw Damaged() }
        let value = bytes.withUnsafeBufferPointer { String(decoding: $0[offset..<offset + count], as: UTF8.self) }
        offset += count
        return value
    }

    mutating func optionalString() throws -> String? { try bool() ? try string() : nil }

    mutating func optionalInt() throws -> Int? { try bool() ? try int() : nil }

    mutating func strings() throws -> [String] {
        try list { try $0.string() }
    }

    mutating func ints() throws -> [Int] {
        try list { try $0.int() }
    }

    mutating func list<T>(_ element: (inout CacheReader) throws -> T) throws -> [T] {
        let count = try int()
        // A count no file this size could hold is damage, not a reason to allocate.
        guard count >= 0, count <= end - offset else { throw Damaged() }
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try element(&self)) }
        return values
    }
}

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
            var writer = CacheWriter()
            writer.write(paths.count)
            for path in paths {
                writer.write(path)
                Self.write(articles[path]!, into: &writer)
            }
            return (Self.bucketFileName(writer.bytes), writer.bytes)
        }
        // The three tables are parts of their own, made (and read) on every core.
        let tables = [0, 1, 2].parallelMap { table -> [UInt8] in
            var writer = CacheWriter()
            switch table {
            case 0: Self.write(files, into: &writer)
            case 1: Self.write(folders, into: &writer)
            default: Self.write(sourceStamps, into: &writer)
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
        writer.write(foldersStatedAt)
        writer.writePart(tables[1])
        writer.write(structure != nil)
        writer.write(structure ?? 0)
        writer.write(structureBasis)
        writer.write(sourcesStatedAt)
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
        foldersStatedAt = try reader.int()
        let foldersPart = try reader.part()
        let hasStructure = try reader.bool()
        let structure = try reader.uint64()
        self.structure = hasStructure ? structure : nil
        structureBasis = try reader.uint64()
        sourcesStatedAt = try reader.int()
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
                    var reader = CacheReader(chunk)
                    let entries = try reader.list { reader in
                        let path = try reader.string()
                        return (path, try Self.readOutcome(&reader, path: path))
                    }
                    guard reader.isAtEnd else { throw CacheReader.Damaged() }
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
        // Sized up front: growing these tables by doubling was a tenth of decoding.
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

    /// The output's files with what each was made from, the count first.
    private static func write(_ records: [String: FileRecord], into writer: inout CacheWriter) {
        writer.reserve(records.count * 120)
        writer.write(records.count)
        for (path, record) in records {
            writer.write(path)
            writer.write(record.fingerprint)
            writer.write(record.isPage)
            write(record.stamp, into: &writer)
        }
    }

    private static func readRecords(_ reader: inout CacheReader, limit: Int) throws -> [String: FileRecord] {
        let count = try reader.int()
        var records: [String: FileRecord] = [:]
        records.reserveCapacity(min(max(0, count), limit))
        for _ in 0..<max(0, count) {
            let path = try reader.string()
            let fingerprint = try reader.uint64()
            let isPage = try reader.bool()
            records[path] = FileRecord(fingerprint: fingerprint, stamp: try readStamp(&reader), isPage: isPage)
        }
        return records
    }

    /// Paths and their stamps (folders, sources), the count first.
    private static func write(_ stamps: [String: FileStamp], into writer: inout CacheWriter) {
        writer.write(stamps.count)
        for (path, stamp) in stamps {
            writer.write(path)
            write(stamp, into: &writer)
        }
    }

    /// `limit` bounds the table reserved up front, so a damaged count cannot ask for too much.
    private static func readStamps(_ reader: inout CacheReader, limit: Int) throws -> [String: FileStamp] {
        let count = try reader.int()
        var stamps: [String: FileStamp] = [:]
        stamps.reserveCapacity(min(max(0, count), limit))
        for _ in 0..<max(0, count) {
            let path = try reader.string()
            stamps[path] = try readStamp(&reader)
        }
        return stamps
    }

    private static func write(_ stamp: FileStamp, into writer: inout CacheWriter) {
        writer.write(stamp.size)
        writer.write(stamp.seconds)
        writer.write(stamp.nanoseconds)
        writer.write(stamp.inode)
        writer.write(stamp.changeSeconds)
        writer.write(stamp.changeNanoseconds)
    }

    private static func readStamp(_ reader: inout CacheReader) throws -> FileStamp {
        FileStamp(size: try reader.int(), seconds: try reader.int(), nanoseconds: try reader.int(), inode: try reader.uint64(),
                  changeSeconds: try reader.int(), changeNanoseconds: try reader.int())
    }

    private static func write(_ outcome: ArticleParser.Outcome, into writer: inout CacheWriter) {
        writer.write(outcome.diagnostics.count)
        for diagnostic in outcome.diagnostics {
            writer.write(diagnostic.severity == .error)
            writer.write(diagnostic.file)
            writer.write(diagnostic.line)
            writer.write(diagnostic.column)
            writer.write(diagnostic.message)
            writer.write(diagnostic.hint)
        }
        writer.write(outcome.article != nil)
        guard let article = outcome.article else { return }
        // The article's path is its key in the bucket, written once.
        writer.write(article.title)
        writer.write(article.date.instant)
        writer.write(article.date.day.year)
        writer.write(article.date.day.month)
        writer.write(article.date.day.day)
        writer.write(article.date.secondsIntoDay)
        writer.write(article.date.utcOffset)
        writer.write(article.section)
        writer.write(article.tags)
        writer.write(article.speakers)
        writer.write(article.source)
        writer.write(article.summary)
        writer.write(article.isDraft)
        writer.write(article.requestedSlug)
        writer.write(article.requestedSlugLine)
        writer.write(article.assets)
        writer.write(article.language)
        writer.write(article.translationKey)
        // No body links: the body gives them when made again (`Article.takeLinksFromBody`).
        writer.write(article.quotes.count)
        for quote in article.quotes {
            writer.write(quote.text)
            writer.write(quote.speaker)
            writer.write(quote.line)
        }
        writer.write(article.sourceSize)
        writer.write(article.sourceHash)
        let keys = article.keys ?? ArticleKeys(article)
        writer.write(keys.section)
        writer.write(keys.tags)
        writer.write(keys.speakers)
        writer.write(keys.titleSlug)
        writer.write(keys.quoteSpeakers)
    }

    /// `path`: the bucket's key for the outcome, the path of its article.
    private static func readOutcome(_ reader: inout CacheReader, path sourcePath: String) throws -> ArticleParser.Outcome {
        let diagnostics = try reader.list { reader in
            Diagnostic(try reader.bool() ? .error : .warning, file: try reader.string(), line: try reader.optionalInt(),
                       column: try reader.optionalInt(), message: try reader.string(), hint: try reader.optionalString())
        }
        guard try reader.bool() else { return ArticleParser.Outcome(article: nil, diagnostics: diagnostics) }
        let title = try reader.string()
        let date = ArticleDate(instant: try reader.int(),
                               day: CivilDate(year: try reader.int(), month: try reader.int(), day: try reader.int()),
                               secondsIntoDay: try reader.int(), utcOffset: try reader.int())
        var article = Article(
            sourcePath: sourcePath, title: title, date: date, section: try reader.string(), tags: try reader.strings(),
            speakers: try reader.strings(), source: try reader.optionalString(), summary: try reader.optionalString(),
            isDraft: try reader.bool(), requestedSlug: try reader.optionalString(),
            requestedSlugLine: try reader.optionalInt(), assets: try reader.strings())
        article.language = try reader.optionalString()
        article.translationKey = try reader.optionalString()
        article.takeLinksFromBody()
        article.quotes = try reader.list { reader in
            AttributedQuote(text: try reader.string(), speaker: try reader.string(), line: try reader.int())
        }
        // Made again from the source by the build that uses it (`Pipeline.lazilyBodied`).
        article.body = ArticleBody()
        article.sourceSize = try reader.int()
        article.sourceHash = try reader.uint64()
        article.keys = ArticleKeys(section: try reader.string(), tags: try reader.strings(), speakers: try reader.strings(),
                                   titleSlug: try reader.string(), quoteSpeakers: try reader.strings())
        return ArticleParser.Outcome(article: article, diagnostics: diagnostics)
    }
}
