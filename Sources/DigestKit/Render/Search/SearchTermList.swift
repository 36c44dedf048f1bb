/// Distinct terms kept as UTF-8 bytes in one buffer, each with its `SearchDocument.Field` bits,
/// in the order first seen. A document holds its terms so, and the index makes a `String` only
/// once per distinct term of the whole site: a string per term per document, hashed again for
/// the postings, was a large share of what indexing cost. Kept compact (no hashes, no spare
/// room), as every document's list is held until the postings are made.
struct SearchTermList: Sendable {
    /// What a term is looked up by (`SearchTermSet`): a hash, and its first eight bytes
    /// (zero-padded), which are the whole of most terms, so that telling two terms apart
    /// seldom reads their bytes.
    struct Key: Equatable, Sendable {
        var hash: UInt64
        var head: UInt64
    }

    var arena: [UInt8] = []
    /// Where each term ends in `arena`.
    var ends: [UInt32] = []
    var flags: [UInt8] = []

    var count: Int { ends.count }

    /// Calls `body` with each term's bytes (valid only during the call) and bits, in order.
    func forEach(_ body: (UnsafeBufferPointer<UInt8>, UInt8) -> Void) {
        arena.withUnsafeBufferPointer { bytes in
            var start = 0
            for (end, termFlags) in zip(ends, flags) {
                body(UnsafeBufferPointer(rebasing: bytes[start..<Int(end)]), termFlags)
                start = Int(end)
            }
        }
    }

    func term(at index: Int) -> String {
        String(decoding: arena[(index == 0 ? 0 : Int(ends[index - 1]))..<Int(ends[index])], as: UTF8.self)
    }

    /// Each term as a string with its bits, in order.
    var list: [(term: String, flags: UInt8)] {
        ends.indices.map { (term(at: $0), flags[$0]) }
    }

    /// The key of `bytes`, read eight (or four) at a time and never past the end: the loads
    /// overlap instead. Terms are short, and a byte-at-a-time hash is a chain of
    /// multiplications as long as the term.
    @inline(__always) static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> Key {
        let count = bytes.count
        let seed = seed(count: count)
        guard let base = bytes.baseAddress, count > 0 else { return Key(hash: mix(seed), head: 0) }
        let raw = UnsafeRawPointer(base)
        if count > 8 {
            let head = raw.loadUnaligned(as: UInt64.self)
            var hash = seed
            var index = 0
            while index + 8 < count {
                hash = (hash ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
                hash ^= hash >> 32
                index += 8
            }
            return Key(hash: mix(hash ^ raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)), head: head)
        }
        let head: UInt64
        if count == 8 {
            head = raw.loadUnaligned(as: UInt64.self)
        } else if count >= 4 {
            // The two loads overlap on equal bytes, so or-ing them gives the bytes in order.
            let tail = UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            head = UInt64(raw.loadUnaligned(as: UInt32.self)) | tail << UInt64(8 * (count - 4))
        } else {
            let middle = count >> 1
            head = UInt64(base[0]) | UInt64(base[middle]) << UInt64(8 * middle) | UInt64(base[count - 1]) << UInt64(8 * (count - 1))
        }
        return key(head: head, count: count)
    }

    /// The key of a term of at most eight bytes, given as `head`: its bytes in memory order,
    /// zero-padded.
    @inline(__always) static func key(head: UInt64, count: Int) -> Key {
        Key(hash: mix(seed(count: count) ^ head), head: head)
    }

    @inline(__always) private static func seed(count: Int) -> UInt64 {
        UInt64(truncatingIfNeeded: count) &* 0x9E37_79B9_7F4A_7C15
    }

    @inline(__always) static func mix(_ value: UInt64) -> UInt64 {
        var value = value &* 0xBF58_476D_1CE4_E5B9
        value ^= value >> 31
        value = value &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 29)
    }
}
