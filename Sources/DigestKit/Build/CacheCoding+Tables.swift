/// The cache's tables of files and their stamps: the output's files with what each was made
/// from, and the stamps of the output's folders and of the sources.
extension BuildCache {
    /// The output's files with what each was made from, the count first.
    static func write(_ records: [String: FileRecord], into writer: inout CacheWriter) {
        writer.reserve(records.count * 120)
        writer.write(records.count)
        for (path, record) in records {
            writer.write(path)
            writer.write(record.fingerprint)
            writer.write(record.isPage)
            write(record.stamp, into: &writer)
        }
    }

    static func readRecords(_ reader: inout CacheReader, limit: Int) throws -> [String: FileRecord] {
        try readTable(&reader, limit: limit) { reader in
            let fingerprint = try reader.uint64()
            let isPage = try reader.bool()
            return FileRecord(fingerprint: fingerprint, stamp: try readStamp(&reader), isPage: isPage)
        }
    }

    /// Paths and their stamps (folders, sources), the count first.
    static func write(_ stamps: [String: FileStamp], into writer: inout CacheWriter) {
        writer.write(stamps.count)
        for (path, stamp) in stamps {
            writer.write(path)
            write(stamp, into: &writer)
        }
    }

    /// The table `write(_:into:)` makes of the stamps of `sources` (those that have one),
    /// without gathering them into a dictionary first.
    static func stampTable(of sources: [SourceFile]) -> [UInt8] {
        var writer = CacheWriter()
        writer.reserve(sources.count * 120)
        writer.write(sources.lazy.filter { $0.stamp != nil }.count)
        for source in sources {
            guard let stamp = source.stamp else { continue }
            writer.write(source.path)
            write(stamp, into: &writer)
        }
        return writer.bytes
    }

    static func readStamps(_ reader: inout CacheReader, limit: Int) throws -> [String: FileStamp] {
        try readTable(&reader, limit: limit, value: readStamp)
    }

    /// A table by path, the count first. `limit` bounds the table reserved up front, so a
    /// damaged count cannot ask for too much.
    private static func readTable<Value>(
        _ reader: inout CacheReader, limit: Int,
        value: (inout CacheReader) throws -> Value
    ) throws -> [String: Value] {
        let count = try reader.int()
        var table: [String: Value] = [:]
        table.reserveCapacity(min(max(0, count), limit))
        for _ in 0..<max(0, count) {
            let path = try reader.string()
            table[path] = try value(&reader)
        }
        return table
    }

    static func write(_ stamp: FileStamp, into writer: inout CacheWriter) {
        writer.write(stamp.size)
        writer.write(stamp.seconds)
        writer.write(stamp.nanoseconds)
        writer.write(stamp.inode)
        writer.write(stamp.changeSeconds)
        writer.write(stamp.changeNanoseconds)
    }

    static func readStamp(_ reader: inout CacheReader) throws -> FileStamp {
        FileStamp(
            size: try reader.int(), seconds: try reader.int(), nanoseconds: try reader.int(), inode: try reader.uint64(),
            changeSeconds: try reader.int(), changeNanoseconds: try reader.int())
    }
}
