import Foundation
import Testing

@testable import DigestKit

/// The pieces a rebuild after body edits patches the index with (`SearchIndex+Update`); that
/// the patched index is a clean build's, byte for byte, is `IncrementalBuildTests`' part.
@Suite struct SearchIndexUpdateTests {
    @Test func aShardReadsBackAsItWasWritten() throws {
        let postings = [
            SearchIndex.Posting(term: "talks", ids: [0, 3, 70_000], flags: [4, 1, 2]),
            SearchIndex.Posting(term: "tariff", ids: [5], flags: [7]),
        ]
        let script = SearchIndex.shardScript(SearchShardKeys.Shard(key: "ta", terms: [1, 0]), postings)
        let read = try #require(SearchIndex.postings(ofShard: Data(script)))
        #expect(read.map(\.term) == ["talks", "tariff"])
        #expect(read.map(\.ids) == [[0, 3, 70_000], [5]])
        #expect(read.map(\.flags) == [[4, 1, 2], [7]])
        #expect(SearchIndex.postings(ofShard: Data("DIGEST_SEARCH_SHARD(\"ta\",[\"x\"],[\"!\"]);\n".utf8)) == nil)
    }

    @Test func settingADocumentKeepsIdsAscending() {
        var posting = SearchIndex.Posting(term: "talks", ids: [1, 5, 9], flags: [1, 1, 1])
        posting.set(7, flags: 4)
        posting.set(5, flags: 2)
        posting.set(1, flags: nil)
        posting.set(3, flags: nil)
        #expect(posting.ids == [5, 7, 9] && posting.flags == [2, 4, 1])
    }

    @Test func aDocumentsTermsReadBackFromItsScript() throws {
        let fields = SearchDocument.fieldTerms(title: "Talks in Zürich", meta: ["Summary", "Economy"], body: "墨子号 talks")
        let script = Data("DIGEST_SEARCH_DOC(0,{\"t\":\"Talks in Zürich\",\"m\":\"Summary\",\"s\":\"Economy\",\"x\":\"墨子号 talks\"});\n".utf8)
        let read = try #require(SearchDocument.fieldTerms(ofScript: script))
        #expect(Dictionary(read, uniquingKeysWith: |) == Dictionary(fields, uniquingKeysWith: |))
        #expect(Dictionary(read, uniquingKeysWith: |)["talks"] == SearchDocument.Field.title.rawValue | SearchDocument.Field.body.rawValue)
    }
}
