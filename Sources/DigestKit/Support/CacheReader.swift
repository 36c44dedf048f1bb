struct CacheReader {
    struct Damaged: Error {}

    private let bytes: [UInt8]
    /// Where the next value starts in `bytes`.
    private(set) var offset = 0
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

    /// `StableHasher.hash` of the bytes in `range`, read where they lie.
    func hash(_ range: Range<Int>) -> UInt64 {
        bytes.withUnsafeBytes { StableHasher.hash(UnsafeRawBufferPointer(rebasing: $0[range])) }
    }

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

    /// A list's count. One no file this size could hold is damage, not a reason to allocate.
    mutating func count() throws -> Int {
        let count = try int()
        guard count >= 0, count <= end - offset else { throw Damaged() }
        return count
    }

    mutating func list<T>(_ element: (inout CacheReader) throws -> T) throws -> [T] {
        let count = try count()
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try element(&self)) }
        return values
    }
}
