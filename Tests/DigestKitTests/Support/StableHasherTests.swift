import Foundation
import Testing

@testable import DigestKit

@Suite struct StableHasherTests {
    /// xxHash's own sanity-check input (`XSUM_fillTestBuffer` in xxHash's cli/xsum_sanity_check.c):
    /// each byte is the top byte of a generator multiplied by PRIME64 at every step.
    static func sanityBuffer(_ count: Int) -> [UInt8] {
        var generator: UInt64 = 2_654_435_761
        return (0..<count).map { _ in
            defer { generator &*= 11_400_714_785_074_694_797 }
            return UInt8(generator >> 56)
        }
    }

    /// XXH3 64-bit, seed 0, from xxHash's `XSUM_XXH3_testdata` (cli/xsum_sanity_check.c):
    /// one length from each of XXH3's code paths, up to three 1 KiB blocks.
    @Test(
        arguments: [
            (0, 0x2D06_8005_38D3_94C2), (1, 0xC44B_DFF4_074E_ECDB), (6, 0x27B5_6A84_CD2D_7325),
            (12, 0xA713_DAF0_DFBB_77E7), (24, 0xA3FE_70BF_9D35_10EB), (48, 0x397D_A259_ECBA_1F11),
            (80, 0xBCDE_FBBB_2C47_C90A), (195, 0xCD94_217E_E362_EC3A), (403, 0xCDEB_804D_65C6_DEA4),
            (512, 0x617E_4959_9013_CB6B), (2048, 0xDD59_E2C3_A5F0_38E0), (2099, 0xC6B9_D9B3_FC9A_C765),
            (2240, 0x6E73_A905_39CF_2948), (2367, 0xCB37_AEB9_E5D3_61ED),
        ] as [(Int, UInt64)])
    func hashIsXXH3OfTheBytes(count: Int, expected: UInt64) {
        #expect(StableHasher.hash(Self.sanityBuffer(count)) == expected)
    }

    /// Text, as `printf 'abc' | xxhsum -H3` (xxhsum 0.8.1) prints it.
    @Test func hashOfTextIsWhatXXHSumPrints() {
        #expect(StableHasher.hash(Array("abc".utf8)) == 0x78AF_5F94_892F_3950)
        #expect(StableHasher.hash(Array("The quick brown fox jumps over the lazy dog".utf8)) == 0xCE7D_19A5_418F_B365)
    }

    /// The framed stream of a fixed sequence, written by hand (tags and little-endian lengths as
    /// `StableHasher` documents them) and hashed by `xxhsum -H3` (xxhsum 0.8.1): the value
    /// stored in build caches must not change between runs or builds of Digest.
    @Test func aFixedSequenceHashesToAFixedValue() {
        var hasher = StableHasher()
        hasher.combine("Digest")
        hasher.combine(-42)
        hasher.combine(UInt64(0xDEAD_BEEF))
        hasher.combine(true)
        ([1, 2, 3] as [UInt8]).withUnsafeBytes { hasher.combine(bytes: $0) }
        hasher.combine("")
        #expect(hasher.finalize() == 0x7485_AA0D_9B22_9EA1)
        #expect(hasher.finalize() == 0x7485_AA0D_9B22_9EA1, "finalize leaves the hasher as it was")
    }

    /// Sequences whose plain concatenations are alike, or whose values are equal as numbers.
    @Test func differentSequencesHashDifferently() {
        func hash(_ combine: (inout StableHasher) -> Void) -> UInt64 {
            var hasher = StableHasher()
            combine(&hasher)
            return hasher.finalize()
        }
        let sequences: [(String, UInt64)] = [
            (
                "ab, c",
                hash {
                    $0.combine("ab")
                    $0.combine("c")
                }
            ),
            (
                "a, bc",
                hash {
                    $0.combine("a")
                    $0.combine("bc")
                }
            ),
            ("abc", hash { $0.combine("abc") }),
            (
                "abc, empty",
                hash {
                    $0.combine("abc")
                    $0.combine("")
                }
            ),
            (
                "empty, abc",
                hash {
                    $0.combine("")
                    $0.combine("abc")
                }
            ),
            ("bytes abc", hash { h in Array("abc".utf8).withUnsafeBytes { h.combine(bytes: $0) } }),
            ("Int 1", hash { $0.combine(1) }),
            ("UInt64 1", hash { $0.combine(UInt64(1)) }),
            ("true", hash { $0.combine(true) }),
            ("Int 0", hash { $0.combine(0) }),
            ("false", hash { $0.combine(false) }),
            ("nothing", hash { _ in }),
            ("empty", hash { $0.combine("") }),
            (
                "Int 1, Int 2",
                hash {
                    $0.combine(1)
                    $0.combine(2)
                }
            ),
            (
                "Int 2, Int 1",
                hash {
                    $0.combine(2)
                    $0.combine(1)
                }
            ),
            // The first string holds what the second's frame would be.
            ("a + frame of b", hash { $0.combine("a\u{4}\u{1}\0\0\0\0\0\0\0b") }),
            (
                "a, b",
                hash {
                    $0.combine("a")
                    $0.combine("b")
                }
            ),
        ]
        for (index, (name, value)) in sequences.enumerated() {
            for (other, otherValue) in sequences[(index + 1)...] {
                #expect(value != otherValue, "\(name) and \(other)")
            }
        }
    }

    static func littleEndian(_ word: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: word >> (8 * $0)) }
    }

    /// Streams longer than the hasher's 1 KiB buffer go through XXH3's streaming state (here
    /// with the first bytes run ending just before, at and just after the buffer's end); either
    /// way the result is XXH3 of the whole framed stream.
    @Test(arguments: [0, 1, 1005, 1006, 1007, 1024, 10_000, 300_000])
    func longStreamsAreXXH3OfTheirFrames(count: Int) {
        let bytes = Self.sanityBuffer(count)
        var hasher = StableHasher()
        var frames: [UInt8] = []
        for round in 0..<3 {
            hasher.combine(round)
            frames += [1] + Self.littleEndian(UInt64(round))
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
            frames += [5] + Self.littleEndian(UInt64(count)) + bytes
        }
        for text in (0..<1000).map({ "entry \($0)" }) {
            hasher.combine(text)
            frames += [4] + Self.littleEndian(UInt64(text.utf8.count)) + Array(text.utf8)
        }
        #expect(hasher.finalize() == StableHasher.hash(frames))
    }

    /// A copy made mid-stream goes on alone: neither sees what the other combines after.
    @Test func copiesHashApart() {
        var original = StableHasher()
        Self.sanityBuffer(10_000).withUnsafeBytes { original.combine(bytes: $0) }
        let before = original.finalize()
        var copy = original
        copy.combine("only in the copy")
        #expect(original.finalize() == before)
        original.combine("only in the original")
        #expect(copy.finalize() != before)
        #expect(original.finalize() != copy.finalize())
        var again = StableHasher()
        Self.sanityBuffer(10_000).withUnsafeBytes { again.combine(bytes: $0) }
        again.combine("only in the copy")
        #expect(copy.finalize() == again.finalize())
    }
}
