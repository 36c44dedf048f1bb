import Foundation
import PropertyBased
import Testing

@testable import DigestKit

/// The postings a clean build gathers from the tokenizer, by runs of documents merged in id
/// order, against the same postings worked out plainly: each term's documents in order, each
/// with the bits of every field it stands in.
@Suite struct SearchPostingsBuilderTests {
    /// A document as fields of words: title, meta, body.
    typealias Document = [[String]]

    static func expected(_ documents: [Document]) -> [String: (ids: [UInt32], flags: [UInt8])] {
        var postings: [String: (ids: [UInt32], flags: [UInt8])] = [:]
        let bits: [UInt8] = [4, 2, 1]
        for (id, fields) in documents.enumerated() {
            var terms: [String: UInt8] = [:]
            for (field, words) in fields.enumerated() {
                for word in words { for term in SearchTokenizer.terms(in: word) { terms[term, default: 0] |= bits[field] } }
            }
            for (term, flags) in terms {
                postings[term, default: ([], [])].ids.append(UInt32(id))
                postings[term]!.flags.append(flags)
            }
        }
        return postings
    }

    static func built(_ documents: [Document], runs cuts: [Int]) -> [SearchIndex.Posting] {
        let bounds = [0] + cuts.map { min($0, documents.count) }.sorted() + [documents.count]
        let parts = zip(bounds, bounds.dropFirst()).map { start, end in
            var postings = SearchPostingsBuilder()
            for id in start..<end {
                postings.document = UInt32(id)
                var body = documents[id][2].joined(separator: " ")
                body.withUTF8 {
                    SearchDocument.addTerms(
                        title: documents[id][0].joined(separator: " "), meta: documents[id][1], body: $0, to: &postings)
                }
            }
            return postings
        }
        return SearchPostingsBuilder.merged(parts)
    }

    static func check(_ documents: [Document], runs cuts: [Int]) -> Bool {
        let postings = built(documents, runs: cuts)
        let expected = expected(documents)
        guard postings.count == expected.count, Set(postings.map(\.term)).count == postings.count else { return false }
        return postings.allSatisfy { expected[$0.term]?.ids == $0.ids && expected[$0.term]?.flags == $0.flags }
    }

    @Test func aTermInSeveralFieldsOfOneDocumentHasEveryFieldsBits() throws {
        let postings = Self.built([[["talks"], ["trade"], ["talks", "trade", "now"]], [[], [], ["talks"]]], runs: [1])
        let talks = try #require(postings.first { $0.term == "talks" })
        #expect(talks.ids == [0, 1] && talks.flags == [5, 1])
        #expect(postings.first { $0.term == "trade" }?.flags == [3])
        #expect(postings.map(\.term) == ["talks", "trade", "now"])
    }

    @Test func runsMergedInOrderGiveThePostingsOfAllTheDocuments() async {
        let vocabulary = ["talks", "trade", "Zürich", "墨子号", "a", "talk", "trades", "x9"]
        let word = Gen<Int>.int(in: 0...(vocabulary.count - 1)).map { vocabulary[$0] }
        let field = word.array(of: 0...6)
        let document = field.array(of: 3...3)
        await propertyCheck(count: 300, input: document.array(of: 0...12), Gen<Int>.int(in: 0...12).array(of: 0...3)) { documents, cuts in
            #expect(Self.check(documents, runs: cuts), "\(documents) cut at \(cuts)")
        }
    }
}
