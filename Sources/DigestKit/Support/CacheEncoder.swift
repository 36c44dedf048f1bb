/// Writes `Encodable` values in the build cache's format, so that a type's stored properties
/// are its whole cache layout: a field added to a struct is written (and read back by
/// `CacheDecoder`) with no other change.
///
/// The layout is positional, like the rest of the cache: a struct's fields in the order it
/// declares them, without their names (synthesized `Codable` writes and reads them in that
/// order); an optional field as a flag, then its value when present; a list as its count, then
/// its elements; text, flags and numbers as `CacheScalar`. Not for enums without raw values
/// (their synthesized coding names the case by its key, which this layout leaves out), nor for
/// nil inside a list (refused).
final class CacheEncoder: Encoder {
    var writer = CacheWriter()
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func encode(_ value: some Encodable) throws {
        try value.encode(to: self)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(Fields(encoder: self))
    }

    /// A list's count is written as 0 and counted up as elements come: `Codable` does not say
    /// how many there will be.
    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        writer.write(0)
        return Values(encoder: self, countOffset: writer.bytes.count - 8)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        Values(encoder: self, countOffset: nil)
    }

    fileprivate func write(_ value: some CacheScalar) {
        value.write(into: &writer)
    }

    /// A value of a type only known at run time; text, lists of text and `CacheScalar`s as
    /// `CacheDecoder.value` reads them.
    fileprivate func value<T: Encodable>(_ value: T) throws {
        if T.self == String.self { return writer.write(unsafeBitCast(value, to: String.self)) }
        if T.self == [String].self { return writer.write(unsafeBitCast(value, to: [String].self)) }
        if let scalar = T.self as? any CacheScalar.Type { return write(value, as: scalar) }
        try value.encode(to: self)
    }

    /// `T` is `Scalar`, known as such only at run time.
    private func write<T, Scalar: CacheScalar>(_ value: T, as scalar: Scalar.Type) {
        unsafeBitCast(value, to: Scalar.self).write(into: &writer)
    }

    private struct Fields<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let encoder: CacheEncoder
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) { encoder.write(false) }
        mutating func encode(_ value: Bool, forKey key: Key) { encoder.write(value) }
        mutating func encode(_ value: String, forKey key: Key) { encoder.write(value) }
        mutating func encode(_ value: Double, forKey key: Key) { encoder.write(value) }
        mutating func encode(_ value: Float, forKey key: Key) { encoder.write(value) }
        mutating func encode(_ value: Int, forKey key: Key) { encoder.write(value) }
        mutating func encode(_ value: Int8, forKey key: Key) { encoder.write(value) }
        mutating func encode(_ value: Int16, forKey key: Key) { encoder.write(value) }
        mutating func encode(_ value: Int32, forKey key: Key) { encoder.write(value) }
        mutating func encode(_ value: Int64, forKey key: Key) { encoder.write(value) }
        mutating func encode(_ value: UInt, forKey key: Key) { encoder.write(value) }
        mutating func encode(_ value: UInt8, forKey key: Key) { encoder.write(value) }
        mutating func encode(_ value: UInt16, forKey key: Key) { encoder.write(value) }
        mutating func encode(_ value: UInt32, forKey key: Key) { encoder.write(value) }
        mutating func encode(_ value: UInt64, forKey key: Key) { encoder.write(value) }
        mutating func encode(_ value: some Encodable, forKey key: Key) throws { try encoder.value(value) }

        // The standard library's versions write nothing for nil, which a positional layout
        // cannot tell apart from the next field: a flag goes first (`decodeNil(forKey:)`).
        mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) { present(value).map(encoder.write) }
        mutating func encodeIfPresent(_ value: String?, forKey key: Key) { present(value).map(encoder.write) }
        mutating func encodeIfPresent(_ value: Double?, forKey key: Key) { present(value).map(encoder.write) }
        mutating func encodeIfPresent(_ value: Float?, forKey key: Key) { present(value).map(encoder.write) }
        mutating func encodeIfPresent(_ value: Int?, forKey key: Key) { present(value).map(encoder.write) }
        mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) { present(value).map(encoder.write) }
        mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) { present(value).map(encoder.write) }
        mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) { present(value).map(encoder.write) }
        mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) { present(value).map(encoder.write) }
        mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) { present(value).map(encoder.write) }
        mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) { present(value).map(encoder.write) }
        mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) { present(value).map(encoder.write) }
        mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) { present(value).map(encoder.write) }
        mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) { present(value).map(encoder.write) }
        mutating func encodeIfPresent(_ value: (some Encodable)?, forKey key: Key) throws {
            try present(value).map(encoder.value)
        }

        /// Writes the flag; the value, if any, is the caller's to write.
        private func present<Value>(_ value: Value?) -> Value? {
            encoder.write(value != nil)
            return value
        }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type,
            forKey key: Key
        ) -> KeyedEncodingContainer<NestedKey> {
            encoder.container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { encoder.unkeyedContainer() }
        mutating func superEncoder() -> any Encoder { encoder }
        mutating func superEncoder(forKey key: Key) -> any Encoder { encoder }
    }

    /// A list's elements, or (without `countOffset`) one value.
    private struct Values: UnkeyedEncodingContainer, SingleValueEncodingContainer {
        let encoder: CacheEncoder
        /// Where the list's count is, in the writer's bytes. The count is kept there only:
        /// a container small enough to sit in an existential's inline buffer needs no
        /// allocation, and `Codable` makes one for every value in a list.
        let countOffset: Int?
        var codingPath: [any CodingKey] { [] }
        var count: Int { countOffset.map(encoder.writer.count(at:)) ?? 0 }

        /// Counts one more element of a list.
        private func counted() {
            if let countOffset { encoder.writer.countUp(at: countOffset) }
        }

        mutating func encodeNil() throws {
            throw EncodingError.invalidValue(
                Optional<Any>.none as Any,
                EncodingError.Context(
                    codingPath: [], debugDescription: "the cache's layout has no place for nil outside a struct's field"))
        }

        mutating func encode(_ value: Bool) {
            counted()
            encoder.write(value)
        }
        mutating func encode(_ value: String) {
            counted()
            encoder.write(value)
        }
        mutating func encode(_ value: Double) {
            counted()
            encoder.write(value)
        }
        mutating func encode(_ value: Float) {
            counted()
            encoder.write(value)
        }
        mutating func encode(_ value: Int) {
            counted()
            encoder.write(value)
        }
        mutating func encode(_ value: Int8) {
            counted()
            encoder.write(value)
        }
        mutating func encode(_ value: Int16) {
            counted()
            encoder.write(value)
        }
        mutating func encode(_ value: Int32) {
            counted()
            encoder.write(value)
        }
        mutating func encode(_ value: Int64) {
            counted()
            encoder.write(value)
        }
        mutating func encode(_ value: UInt) {
            counted()
            encoder.write(value)
        }
        mutating func encode(_ value: UInt8) {
            counted()
            encoder.write(value)
        }
        mutating func encode(_ value: UInt16) {
            counted()
            encoder.write(value)
        }
        mutating func encode(_ value: UInt32) {
            counted()
            encoder.write(value)
        }
        mutating func encode(_ value: UInt64) {
            counted()
            encoder.write(value)
        }
        mutating func encode(_ value: some Encodable) throws {
            counted()
            try encoder.value(value)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            counted()
            return encoder.container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            counted()
            return encoder.unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder { encoder }
    }
}
