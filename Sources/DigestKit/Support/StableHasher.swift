import Foundation

/// A 64-bit hash that is the same in every process, for build caches kept on disk. Swift's
/// `Hasher` is seeded per process, so its values cannot be stored.
///
/// Not cryptographic: it detects changes (a file edited, a page's inputs changed), with eight
/// bytes mixed per step so hashing a site's Markdown costs little next to reading it.
public struct StableHasher: Sendable {
    private var state: UInt64 = 0x243F_6A88_85A3_08D3
    private var length: UInt64 = 0

    public init() {}

    private static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15

    private mutating func mix(_ word: UInt64) {
        state = (state ^ word) &* Self.multiplier
        state ^= state >> 29
    }

    public mutating func combine(bytes: UnsafeRawBufferPointer) {
        var offset = 0
        let count = bytes.count
        while offset + 8 <= count {
            mix(bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < count {
            tail |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        mix(tail ^ 0xFF)
        length &+= UInt64(count)
        // The length goes in too, so "ab"+"c" and "a"+"bc" differ.
        mix(UInt64(count))
    }

    public mutating func combine(_ string: String) {
        var string = string
        string.withUTF8 { combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    public mutating func combine(_ value: Int) {
        mix(UInt64(bitPattern: Int64(value)))
    }

    public mutating func combine(_ value: UInt64) {
        mix(value)
    }

    public mutating func combine(_ value: Bool) {
        mix(value ? 0xB1 : 0xB0)
    }

    public func finalize() -> UInt64 {
        var result = state ^ length
        result = (result ^ (result >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        result = (result ^ (result >> 33)) &* 0xC4CE_B9FE_1A85_EC53
        return result ^ (result >> 33)
    }

    /// The hash of one piece of data.
    public static func hash(_ data: some ContiguousBytes) -> UInt64 {
        var hasher = StableHasher()
        data.withUnsafeBytes { hasher.combine(bytes: $0) }
        return hasher.finalize()
    }
}
