/// Reads `Decodable` values written by `CacheEncoder` (its doc comment gives the layout). Any
/// damage throws, as everywhere in the cache, and the build is then a full one.
final class CacheDecoder: Decoder {
    /// Read in place by every container: `exclusivity(unchecked)` spares each read a runtime
    /// access check, which the cache's decoding, on a rebuild's critical path, would feel; a
    /// decoder is used by one thread, one container at a time.
    @exclusivity(unchecked) var reader: CacheReader
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(_ reader: CacheReader) {
        self.reader = reader
    }

    func decode<Value: Decodable>(_ type: Value.Type = Value.self) throws -> Value {
        try Value(from: self)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(Fields(decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        List(decoder: self, elementCount: try reader.count())
    }

    func singleValueContainer() -> any SingleValueDecodingContainer {
        Value(decoder: self)
    }

    fileprivate func read<Scalar: CacheScalar>() throws -> Scalar {
        try Scalar.read(from: &reader)
    }

    /// A value of a type only known at run time. Text, lists of text and `CacheScalar`s, most
    /// of what an article holds, are read straight from the bytes: through `Codable` each
    /// would make a container, found through the runtime's tables, which showed in a
    /// rebuild's time.
    fileprivate func value<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == String.self { return unsafeBitCast(try reader.string(), to: T.self) }
        if T.self == [String].self { return unsafeBitCast(try reader.strings(), to: T.self) }
        if let scalar = T.self as? any CacheScalar.Type { return try read(scalar, as: T.self) }
        return try T(from: self)
    }

    /// `Scalar` is `T`, known as such only at run time.
    private func read<Scalar: CacheScalar, T>(_ scalar: Scalar.Type, as type: T.Type) throws -> T {
        unsafeBitCast(try Scalar.read(from: &reader), to: T.self)
    }

    private struct Fields<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let decoder: CacheDecoder
        var codingPath: [any CodingKey] { [] }
        var allKeys: [Key] { [] }

        func contains(_ key: Key) -> Bool { true }
        /// Reads an optional field's flag (see `CacheEncoder`): what the standard library's
        /// `decodeIfPresent` asks before it reads the value.
        func decodeNil(forKey key: Key) throws -> Bool { try !decoder.reader.bool() }
        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decoder.read() }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try decoder.read() }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decoder.read() }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decoder.read() }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decoder.read() }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decoder.read() }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decoder.read() }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decoder.read() }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decoder.read() }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decoder.read() }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decoder.read() }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decoder.read() }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decoder.read() }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decoder.read() }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try decoder.value(type) }
        // One call each instead of the standard library's three (`contains`, `decodeNil`, `decode`).
        func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
            try decoder.reader.bool() ? try decoder.reader.string() : nil
        }
        func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
            try decoder.reader.bool() ? try decoder.reader.int() : nil
        }
        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
            try decoder.reader.bool() ? try decoder.value(type) : nil
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) -> KeyedDecodingContainer<NestedKey> {
            decoder.container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try decoder.unkeyedContainer() }
        func superDecoder() -> any Decoder { decoder }
        func superDecoder(forKey key: Key) -> any Decoder { decoder }
    }

    private struct List: UnkeyedDecodingContainer {
        let decoder: CacheDecoder
        let elementCount: Int
        private(set) var currentIndex = 0
        var codingPath: [any CodingKey] { [] }
        var count: Int? { elementCount }
        var isAtEnd: Bool { currentIndex == elementCount }

        /// Counts off the element about to be read; reading past the count is damage.
        private mutating func next() throws {
            guard currentIndex < elementCount else { throw CacheReader.Damaged() }
            currentIndex += 1
        }

        /// A list holds no nil (`CacheEncoder` refuses them).
        func decodeNil() -> Bool { false }
        mutating func decode(_ type: Bool.Type) throws -> Bool {
            try next()
            return try decoder.read()
        }
        mutating func decode(_ type: String.Type) throws -> String {
            try next()
            return try decoder.read()
        }
        mutating func decode(_ type: Double.Type) throws -> Double {
            try next()
            return try decoder.read()
        }
        mutating func decode(_ type: Float.Type) throws -> Float {
            try next()
            return try decoder.read()
        }
        mutating func decode(_ type: Int.Type) throws -> Int {
            try next()
            return try decoder.read()
        }
        mutating func decode(_ type: Int8.Type) throws -> Int8 {
            try next()
            return try decoder.read()
        }
        mutating func decode(_ type: Int16.Type) throws -> Int16 {
            try next()
            return try decoder.read()
        }
        mutating func decode(_ type: Int32.Type) throws -> Int32 {
            try next()
            return try decoder.read()
        }
        mutating func decode(_ type: Int64.Type) throws -> Int64 {
            try next()
            return try decoder.read()
        }
        mutating func decode(_ type: UInt.Type) throws -> UInt {
            try next()
            return try decoder.read()
        }
        mutating func decode(_ type: UInt8.Type) throws -> UInt8 {
            try next()
            return try decoder.read()
        }
        mutating func decode(_ type: UInt16.Type) throws -> UInt16 {
            try next()
            return try decoder.read()
        }
        mutating func decode(_ type: UInt32.Type) throws -> UInt32 {
            try next()
            return try decoder.read()
        }
        mutating func decode(_ type: UInt64.Type) throws -> UInt64 {
            try next()
            return try decoder.read()
        }
        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            try next()
            return try decoder.value(type)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            try next()
            return decoder.container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            try next()
            return try decoder.unkeyedContainer()
        }

        mutating func superDecoder() -> any Decoder { decoder }
    }

    /// One value: in a list, or a type that codes itself as a single value.
    private struct Value: SingleValueDecodingContainer {
        let decoder: CacheDecoder
        var codingPath: [any CodingKey] { [] }

        /// Nil never stands alone (`CacheEncoder` refuses it).
        func decodeNil() -> Bool { false }
        func decode(_ type: Bool.Type) throws -> Bool { try decoder.read() }
        func decode(_ type: String.Type) throws -> String { try decoder.read() }
        func decode(_ type: Double.Type) throws -> Double { try decoder.read() }
        func decode(_ type: Float.Type) throws -> Float { try decoder.read() }
        func decode(_ type: Int.Type) throws -> Int { try decoder.read() }
        func decode(_ type: Int8.Type) throws -> Int8 { try decoder.read() }
        func decode(_ type: Int16.Type) throws -> Int16 { try decoder.read() }
        func decode(_ type: Int32.Type) throws -> Int32 { try decoder.read() }
        func decode(_ type: Int64.Type) throws -> Int64 { try decoder.read() }
        func decode(_ type: UInt.Type) throws -> UInt { try decoder.read() }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.read() }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.read() }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.read() }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.read() }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.value(type) }
    }
}
