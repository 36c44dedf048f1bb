/// A value `CacheEncoder` and `CacheDecoder` write as it is rather than through `Codable`: text,
/// a flag, or a number in eight bytes, as `CacheWriter` writes them; and the small values every
/// article holds, whose containers through `Codable` showed in the cache's decoding.
protocol CacheScalar {
    func write(into writer: inout CacheWriter)
    static func read(from reader: inout CacheReader) throws -> Self
}

extension String: CacheScalar {
    func write(into writer: inout CacheWriter) { writer.write(self) }
    static func read(from reader: inout CacheReader) throws -> String { try reader.string() }
}

extension Bool: CacheScalar {
    func write(into writer: inout CacheWriter) { writer.write(self) }
    static func read(from reader: inout CacheReader) throws -> Bool { try reader.bool() }
}

/// Every integer in eight bytes, sign-extended; one that does not fit its type is damage.
extension CacheScalar where Self: FixedWidthInteger {
    func write(into writer: inout CacheWriter) { writer.write(UInt64(truncatingIfNeeded: self)) }

    static func read(from reader: inout CacheReader) throws -> Self {
        let word = try reader.uint64()
        guard let value = Self.isSigned ? Self(exactly: Int64(bitPattern: word)) : Self(exactly: word) else {
            throw CacheReader.Damaged()
        }
        return value
    }
}

extension Int: CacheScalar {}
extension Int8: CacheScalar {}
extension Int16: CacheScalar {}
extension Int32: CacheScalar {}
extension Int64: CacheScalar {}
extension UInt: CacheScalar {}
extension UInt8: CacheScalar {}
extension UInt16: CacheScalar {}
extension UInt32: CacheScalar {}
extension UInt64: CacheScalar {}

extension Double: CacheScalar {
    func write(into writer: inout CacheWriter) { writer.write(bitPattern) }
    static func read(from reader: inout CacheReader) throws -> Double { Double(bitPattern: try reader.uint64()) }
}

extension Float: CacheScalar {
    func write(into writer: inout CacheWriter) { Double(self).write(into: &writer) }
    static func read(from reader: inout CacheReader) throws -> Float { Float(try Double.read(from: &reader)) }
}

/// Seven numbers that never change shape; the day and time are kept as worked out in the
/// site's zone, which the cache's parse settings hold.
extension ArticleDate: CacheScalar {
    func write(into writer: inout CacheWriter) {
        for number in [instant, day.year, day.month, day.day, secondsIntoDay, utcOffset] { writer.write(number) }
    }

    static func read(from reader: inout CacheReader) throws -> ArticleDate {
        ArticleDate(
            instant: try reader.int(), day: CivilDate(year: try reader.int(), month: try reader.int(), day: try reader.int()),
            secondsIntoDay: try reader.int(), utcOffset: try reader.int())
    }
}

extension ArticleHeader.Quote: CacheScalar {
    func write(into writer: inout CacheWriter) {
        writer.write(text)
        writer.write(speaker)
    }

    static func read(from reader: inout CacheReader) throws -> ArticleHeader.Quote {
        ArticleHeader.Quote(text: try reader.string(), speaker: try reader.string())
    }
}
