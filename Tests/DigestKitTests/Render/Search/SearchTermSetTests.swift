import Foundation
import Testing

@testable import DigestKit

@Suite struct SearchTermSetTests {
    func insert(_ term: String, _ flags: UInt8, into set: inout SearchTermSet) -> Int {
        var term = term
        return term.withUTF8 { set.insert($0, flags: flags) }
    }

    @Test func termsAreKeptOnceInFirstSeenOrderWithTheirBitsCombined() {
        var set = SearchTermSet()
        #expect(insert("talks", 4, into: &set) == 0)
        #expect(insert("resume", 1, into: &set) == 1)
        #expect(insert("talks", 1, into: &set) == 0)
        #expect(insert("talks", 2, into: &set) == 0)
        #expect(set.list.list.map(\.term) == ["talks", "resume"])
        #expect(set.list.list.map(\.flags) == [7, 1])
    }

    @Test func termsThatShareTheirFirstEightBytesOrALengthStayApart() {
        var set = SearchTermSet()
        let terms = [
            "", "a", "ab", "abc", "abcd", "abcdefgh", "abcdefghi", "abcdefghj", "abcdefghij", "abcdefgh12345678", "abcdefgh12345679", "ba", "中国", "国中",
        ]
        for (index, term) in terms.enumerated() { #expect(insert(term, 1, into: &set) == index) }
        for (index, term) in terms.enumerated() { #expect(insert(term, 2, into: &set) == index) }
        #expect(set.list.list.map(\.term) == terms)
        #expect(set.list.list.allSatisfy { $0.flags == 3 })
    }

    @Test func manyTermsAreAllFoundAfterTheTableGrows() {
        var set = SearchTermSet(capacity: 4)
        let terms = (0..<5_000).map { "t\($0 * 7919)" }
        for (index, term) in terms.enumerated() { #expect(insert(term, 1, into: &set) == index) }
        for (index, term) in terms.enumerated().reversed() { #expect(insert(term, 4, into: &set) == index) }
        #expect(set.count == terms.count)
        #expect(set.list.term(at: 4_321) == terms[4_321])
        var seen: [String] = []
        set.list.forEach { bytes, flags in
            seen.append(String(decoding: bytes, as: UTF8.self))
            #expect(flags == 5)
        }
        #expect(seen == terms)
    }

    @Test func aKeyDependsOnTheBytesOnlyNotWhereTheyAre() {
        var random = SeededRandom(seed: 18)
        for length in 0...40 {
            let term = (0..<length).map { _ in UInt8.random(in: 0x61...0x7A, using: &random) }
            var keys: [SearchTermList.Key] = []
            for offset in 0..<8 {
                let padded = [UInt8](repeating: 0xFF, count: offset) + term + [0xEE, 0xDD]
                padded.withUnsafeBufferPointer { keys.append(SearchTermList.key(UnsafeBufferPointer(rebasing: $0[offset..<offset + length]))) }
            }
            #expect(Set(keys.map(\.hash)).count == 1 && Set(keys.map(\.head)).count == 1, "length \(length)")
            // The head is the term's first eight bytes, little-endian, zero-padded.
            let head = term.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << UInt64($1.offset * 8) }
            #expect(keys[0].head == head, "length \(length)")
        }
    }

    /// Keeps the keys the tokenizer gives with its terms, and checks each against the key
    /// worked out from the term's bytes.
    struct KeyChecking: SearchTermSink {
        var terms: [String] = []
        var mismatched: [String] = []
        mutating func add(_ term: UnsafeBufferPointer<UInt8>) { terms.append(String(decoding: term, as: UTF8.self)) }
        mutating func add(_ term: UnsafeBufferPointer<UInt8>, key: SearchTermList.Key) {
            add(term)
            if key != SearchTermList.key(term) { mismatched.append(String(decoding: term, as: UTF8.self)) }
        }
    }

    @Test func theTokenizersKeyForAShortWordIsTheKeyOfItsBytes() {
        var random = SeededRandom(seed: 20)
        let letters = Array("abcXYZ019".utf8)
        for _ in 0..<300 {
            // Words of 1 to 9 letters and digits (mixed case), between ASCII separators and
            // the odd non-ASCII letter, so that words start at every offset of a chunk.
            var text = ""
            for _ in 0..<Int.random(in: 1...12, using: &random) {
                let length = Int.random(in: 1...9, using: &random)
                text += String(decoding: (0..<length).map { _ in letters.randomElement(using: &random)! }, as: UTF8.self)
                text += ["  ", " ", ".", ", ", "-", "é ", " ü"].randomElement(using: &random)!
            }
            var sink = KeyChecking()
            SearchTokenizer.forEachTerm(in: text, into: &sink)
            #expect(sink.mismatched.isEmpty, "\(text)")
            #expect(sink.terms == SearchTokenizer.terms(in: text), "\(text)")
        }
    }

    @Test func postingsListEachTermsDocumentsInOrderWithTheirBits() {
        func document(_ id: Int, _ body: String) -> SearchDocument {
            var body = body
            let terms = body.withUTF8 { SearchDocument.termList(title: "", meta: [], body: $0) }
            return SearchDocument(id: id, terms: terms, script: Data())
        }
        let postings = SearchIndex.postings([document(0, "talks resume"), document(1, "resume"), document(4, "talks now talks")])
        #expect(postings.map(\.term) == ["talks", "resume", "now"])
        #expect(postings.map(\.ids) == [[0, 4], [0, 1], [4]])
        #expect(postings.map(\.flags) == [[1, 1], [1, 1], [1]])
    }
}
