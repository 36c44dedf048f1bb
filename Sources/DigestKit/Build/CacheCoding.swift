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
}

struct CacheReader {
    struct Damaged: Error {}

    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func uint64() throws -> UInt64 {
        guard offset + 8 <= bytes.count else { throw Damaged() }
        let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self) }
        offset += 8
        return UInt64(littleEndian: value)
    }

    mutating func int() throws -> Int { Int(Int64(bitPattern: try uint64())) }

    mutating func bool() throws -> Bool {
        guard offset < bytes.count else { throw Damaged() }
        offset += 1
        return bytes[offset - 1] != 0
    }

    mutating func string() throws -> String {
        let count = try int()
        guard count >= 0, offset + count <= bytes.count else { throw Damaged() }
        let value = bytes.withUnsafeBufferPointer { String(decoding: $0[offset..<offset + count], as: UTF8.self) }
        offset += count
        return value
    }

    mutating func optionalString() throws -> String? { try bool() ? try string() : nil }

    mutating func optionalInt() throws -> Int? { try bool() ? try int() : nil }

    mutating func strings() throws -> [String] {
        try list { try $0.string() }
    }

    mutating func list<T>(_ element: (inout CacheReader) throws -> T) throws -> [T] {
        let count = try int()
        // A count no file this size could hold is damage, not a reason to allocate.
        guard count >= 0, count <= bytes.count - offset else { throw Damaged() }
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
        // Roughly what follows, so the buffer is not grown again and again.
        writer.reserve((files.count + folders.count + sourceStamps.count) * 160)
        writer.write(encodedBuckets.map(\.name))
        writer.write(files.count)
        for (path, record) in files {
            writer.write(path)
            writer.write(record.fingerprint)
            Self.write(record.stamp, into: &writer)
        }
        writer.write(foldersStatedAt)
        Self.write(folders, into: &writer)
        writer.write(structure != nil)
        writer.write(structure ?? 0)
        writer.write(sourcesStatedAt)
        Self.write(sourceStamps, into: &writer)
        var written: [String: [UInt8]] = [:]
        for bucket in encodedBuckets { if let bytes = bucket.bytes { written[bucket.name] = bytes } }
        return (writer.bytes, written)
    }

    static func bucketFileName(_ bytes: [UInt8]) -> String {
        let hash = String(StableHasher.hash(bytes), radix: 16)
        return "articles-" + String(repeating: "0", count: 16 - hash.count) + hash + ".bucket"
    }

    /// Only names `bucketFileName` makes: a damaged main file cannot point elsewhere.
    static func isBucketFileName(_ name: String) -> Bool {
        name.utf8.count == 32 && name.hasPrefix("articles-") && name.hasSuffix(".bucket")
            && name.dropFirst(9).prefix(16).allSatisfy(\.isHexDigit)
    }

    /// `readBucket` gives a bucket file's bytes by name.
    init(decoding bytes: [UInt8], readBucket: @Sendable (String) throws -> [UInt8]) throws {
        var reader = CacheReader(bytes)
        guard try reader.string() == Self.magic, try reader.int() == Self.format else { throw CacheReader.Damaged() }
        self.init(generator: try reader.string(), parseSettings: try reader.uint64(), output: try reader.string())
        let names = try reader.strings()
        guard names.count == Self.bucketCount, names.allSatisfy(Self.isBucketFileName) else { throw CacheReader.Damaged() }
        let decoded = names.parallelMap { name in
            Result { () throws -> [(String, ArticleParser.Outcome)] in
                let chunk = try readBucket(name)
                // A bucket whose bytes do not match its name was cut short or changed.
                guard Self.bucketFileName(chunk) == name else { throw CacheReader.Damaged() }
                var reader = CacheReader(chunk)
                let entries = try reader.list { reader in (try reader.string(), try Self.readOutcome(&reader)) }
                guard reader.isAtEnd else { throw CacheReader.Damaged() }
                return entries
            }
        }
        let chunkEntries = try decoded.map { try $0.get() }
        // Sized up front: growing these tables by doubling was a tenth of decoding.
        articles.reserveCapacity(chunkEntries.reduce(0) { $0 + $1.count })
        for (index, entries) in chunkEntries.enumerated() {
            for (path, outcome) in entries {
                guard Self.bucket(of: path) == index else { throw CacheReader.Damaged() }
                articles[path] = outcome
            }
        }
        bucketNames = names
        let fileCount = try reader.int()
        files.reserveCapacity(min(max(0, fileCount), bytes.count / 8))
        for _ in 0..<max(0, fileCount) {
            let path = try reader.string()
            let fingerprint = try reader.uint64()
            files[path] = FileRecord(fingerprint: fingerprint, stamp: try Self.readStamp(&reader))
        }
        foldersStatedAt = try reader.int()
        folders = try Self.readStamps(&reader, limit: bytes.count / 8)
        let hasStructure = try reader.bool()
        let structure = try reader.uint64()
        self.structure = hasStructure ? structure : nil
        sourcesStatedAt = try reader.int()
        sourceStamps = try Self.readStamps(&reader, limit: bytes.count / 8)
        guard reader.isAtEnd else { throw CacheReader.Damaged() }
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
        writer.write(article.sourcePath)
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
        writer.write(article.bodyLinks.count)
        for link in article.bodyLinks {
            writer.write(link.destination)
            writer.write(link.line)
            writer.write(link.isImage)
        }
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

    private static func readOutcome(_ reader: inout CacheReader) throws -> ArticleParser.Outcome {
        let diagnostics = try reader.list { reader in
            Diagnostic(try reader.bool() ? .error : .warning, file: try reader.string(), line: try reader.optionalInt(),
                       column: try reader.optionalInt(), message: try reader.string(), hint: try reader.optionalString())
        }
        guard try reader.bool() else { return ArticleParser.Outcome(article: nil, diagnostics: diagnostics) }
        let sourcePath = try reader.string()
        let title = try reader.string()
        let date = ArticleDate(instant: try reader.int(),
                               day: CivilDate(year: try reader.int(), month: try reader.int(), day: try reader.int()),
                               secondsIntoDay: try reader.int(), utcOffset: try reader.int())
        var article = Article(
            sourcePath: sourcePath, title: title, date: date, section: try reader.string(), tags: try reader.strings(),
            speakers: try reader.strings(), source: try reader.optionalString(), summary: try reader.optionalString(),
            isDraft: try reader.bool(), requestedSlug: try reader.optionalString(),
            requestedSlugLine: try reader.optionalInt(), assets: try reader.strings())
        article.bodyLinks = try reader.list { reader in
            Markdown.Reference(destination: try reader.string(), line: try reader.int(), isImage: try reader.bool())
        }
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
