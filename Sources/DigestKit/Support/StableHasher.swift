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
        // Long runs go through four lanes at once: one lane's multiply waits on the last, four
        // keep the core busy (a rebuild checks megabytes of cache files by their hash).
        if count >= 64 {
            var lanes: (UInt64, UInt64, UInt64, UInt64) = (state, state ^ 0x1357_9BDF_2468_ACE0, ~state, state &+ 0x0F1E_2D3C_4B5A_6978)
            func step(_ lane: inout UInt64, _ word: UInt64) {
                lane = (lane ^ word) &* Self.multiplier
                lane ^= lane >> 29
            }
            while offset + 32 <= count {
                step(&lanes.0, bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                step(&lanes.1, bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
                step(&lanes.2, bytes.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
                step(&lanes.3, bytes.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
                offset += 32
            }
            for lane in [lanes.0, lanes.1, lanes.2, lanes.3] { mix(lane) }
        }
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
