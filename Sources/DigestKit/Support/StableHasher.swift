import CXXHash
import Foundation

/// A 64-bit hash that is the same in every process, for build caches kept on disk (Swift's
/// `Hasher` is seeded per process, so its values cannot be stored): XXH3, 64-bit, seed 0, from
/// Debian's libxxhash, over a byte stream that frames each combined value.
///
/// The framing lets the stream be read back into exactly one sequence of values, so two
/// different sequences never give the same bytes: `"ab"` then `"c"` differs from `"a"` then
/// `"bc"`, and `Int` 1 from `UInt64` 1. Each value is a tag byte, then:
///
/// | tag | value | then |
/// | ---: | --- | --- |
/// | 1 | `Int` | 8 bytes, two's complement, little-endian |
/// | 2 | `UInt64` | 8 bytes, little-endian |
/// | 3 | `Bool` | 1 byte: 0 or 1 |
/// | 4 | `String` | its UTF-8 length (8 bytes, little-endian), then its UTF-8 |
/// | 5 | bytes | their count (8 bytes, little-endian), then the bytes |
///
/// `finalize()` is XXH3 of that stream, so `xxhsum -H3` over the same bytes checks it.
/// `hash(_:)` is XXH3 of the bytes alone, unframed. Not cryptographic: it detects changes.
/// The build cache stores these values: a change here needs a new `BuildCache.format`.
public struct StableHasher: Sendable {
    private enum Tag: UInt8 {
        case int = 1, uint64, bool, string, bytes
    }

    // The stream's next bytes, kept in the hasher itself: most hashers (a file's stamp, an
    // article's fields, a page's context) stay under 1 KiB and are hashed in one call at the
    // end, with no allocation and no streaming state. (A tuple: Swift's `InlineArray` needs
    // macOS 26.)
    private typealias Block = (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)
    private typealias Blocks = (Block, Block, Block, Block)
    private static let emptyBlock: Block = (0, 0, 0, 0, 0, 0, 0, 0)
    private static let emptyBlocks: Blocks = (emptyBlock, emptyBlock, emptyBlock, emptyBlock)
    private static let bufferSize = 1024
    private var buffer: (Blocks, Blocks, Blocks, Blocks) = (emptyBlocks, emptyBlocks, emptyBlocks, emptyBlocks)
    private var buffered = 0
    /// XXH3's streaming state, made when the stream outgrows `buffer`.
    private var stream: XXH3Stream?

    public init() {}

    public mutating func combine(bytes: UnsafeRawBufferPointer) {
        combine(.bytes, bytes)
    }

    public mutating func combine(_ string: String) {
        var string = string
        string.withUTF8 { combine(.string, UnsafeRawBufferPointer($0)) }
    }

    public mutating func combine(_ value: Int) {
        write(.int, word: UInt64(bitPattern: Int64(value)))
    }

    public mutating func combine(_ value: UInt64) {
        write(.uint64, word: value)
    }

    public mutating func combine(_ value: Bool) {
        if buffered + 2 > Self.bufferSize { flush() }
        let offset = buffered
        withUnsafeMutableBytes(of: &buffer) { raw in
            raw[offset] = Tag.bool.rawValue
            raw[offset + 1] = value ? 1 : 0
        }
        buffered += 2
    }

    /// `consuming`, so a hasher used no more is finished in place; one still used afterwards
    /// is copied first (its streaming state too), and goes on as it was.
    public consuming func finalize() -> UInt64 {
        guard stream != nil else {
            let count = buffered
            return withUnsafeBytes(of: &buffer) { XXH3_64bits($0.baseAddress, count) }
        }
        flush()
        return stream!.digest()
    }

    /// XXH3 (64-bit, seed 0) of one piece of data, unframed: what `xxhsum -H3` prints for it.
    public static func hash(_ data: some ContiguousBytes) -> UInt64 {
        data.withUnsafeBytes { XXH3_64bits($0.baseAddress, $0.count) }
    }

    private mutating func write(_ tag: Tag, word: UInt64) {
        if buffered + 9 > Self.bufferSize { flush() }
        let offset = buffered
        withUnsafeMutableBytes(of: &buffer) { raw in
            raw.storeBytes(of: tag.rawValue, toByteOffset: offset, as: UInt8.self)
            raw.storeBytes(of: word.littleEndian, toByteOffset: offset + 1, as: UInt64.self)
        }
        buffered += 9
    }

    private mutating func combine(_ tag: Tag, _ bytes: UnsafeRawBufferPointer) {
        write(tag, word: UInt64(bytes.count))
        guard bytes.count <= Self.bufferSize - buffered else {
            // Too long for the buffer (a file's bytes): to XXH3 where it lies, without a copy.
            flush()
            ownStream().update(bytes)
            return
        }
        let offset = buffered
        withUnsafeMutableBytes(of: &buffer) { raw in
            UnsafeMutableRawBufferPointer(rebasing: raw[offset..<(offset + bytes.count)]).copyMemory(from: bytes)
        }
        buffered += bytes.count
    }

    /// Hands the buffered bytes to the streaming state.
    private mutating func flush() {
        guard buffered > 0 else { return }
        let stream = ownStream()
        let count = buffered
        withUnsafeBytes(of: &buffer) { stream.update(UnsafeRawBufferPointer(rebasing: $0.prefix(count))) }
        buffered = 0
    }

    /// The streaming state, made if there is none and copied if a copy of this hasher holds it too.
    private mutating func ownStream() -> XXH3Stream {
        if stream == nil {
            stream = XXH3Stream()
        } else if !isKnownUniquelyReferenced(&stream) {
            stream = stream!.copy()
        }
        return stream!
    }
}
