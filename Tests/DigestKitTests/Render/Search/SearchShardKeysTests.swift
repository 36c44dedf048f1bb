import Testing

@testable import DigestKit

@Suite struct SearchShardKeysTests {
    @Test func baseKeysAreTwoCharactersOrOneCJKCharacter() {
        #expect(SearchShardKeys.baseKey("zurich") == "zu")
        #expect(SearchShardKeys.baseKey("a") == "a")
        #expect(SearchShardKeys.baseKey("墨子") == "墨")
        #expect(SearchShardKeys.baseKey("москва") == "мо")
    }

    /// The page looks a term up in the shard of the longest key it starts with: every term
    /// must be there, however the shards were split.
    @Test func largeShardsSplitAndEveryTermIsInItsLongestKeysShard() {
        var terms: [(term: String, bytes: Int)] = [
            ("t", 10), ("th", 10), ("the", 5000), ("then", 3000), ("there", 3000),
            ("these", 3000), ("thin", 100), ("to", 400), ("墨子", 50), ("墨", 5),
        ]
        for index in 0..<40 { terms.append(("them\(index)", 200)) }
        let shards = SearchShardKeys(maxBytes: 6000).shards(terms)
        let keys = Set(shards.map(\.key))
        #expect(keys.contains("the") && keys.contains("them1") && !keys.contains("them") && keys.contains("to"))
        #expect(shards.map(\.key) == shards.map(\.key).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        var seen: [Int] = []
        for shard in shards {
            for member in shard.terms {
                let term = terms[member].term
                let longest = keys.filter { term.hasPrefix($0) }.max { $0.count < $1.count }
                #expect(longest == shard.key, "\(term) is in \(shard.key), the page looks in \(longest ?? "-")")
                seen.append(member)
            }
        }
        #expect(seen.sorted() == Array(terms.indices))
    }

    @Test func smallShardsStayWhole() {
        let shards = SearchShardKeys().shards([("trade", 40), ("tariff", 40), ("talks", 40)])
        #expect(shards.map(\.key) == ["ta", "tr"])
    }
}

@Suite struct SearchScriptTests {
    /// The page's `decodeNumbers`, in Swift.
    static func decode(_ text: String) -> [UInt32] {
        var numbers: [UInt32] = []
        var value: UInt32 = 0
        for byte in text.utf8 {
            if let digit = SearchScript.lastDigits.firstIndex(of: byte) {
                numbers.append(value * 32 + UInt32(digit))
                value = 0
            } else {
                value = value * 32 + UInt32(SearchScript.leadingDigits.firstIndex(of: byte)!)
            }
        }
        return numbers
    }

    @Test func numbersRoundTripWithoutSeparators() {
        let values: [UInt32] = [0, 1, 31, 32, 1023, 1024, 70_000, UInt32.max]
        var out: [UInt8] = []
        for value in values { SearchScript.appendNumber(value, to: &out) }
        #expect(Self.decode(String(decoding: out, as: UTF8.self)) == values)
    }

    @Test func idsAreWrittenAsGapsWithFieldBits() {
        var out: [UInt8] = []
        SearchScript.appendIDs([0, 3, 4, 500], flags: [4, 1, 2, 7], to: &out)
        let text = String(decoding: out, as: UTF8.self)
        #expect(text.hasPrefix("\"") && text.hasSuffix("\""))
        let expected: [UInt32] = [1 << 3 | 4, 3 << 3 | 1, 1 << 3 | 2, 496 << 3 | 7]
        #expect(Self.decode(String(text.dropFirst().dropLast())) == expected)
    }

    @Test func stringsAreEscapedForScripts() {
        var out: [UInt8] = []
        SearchScript.appendQuoted("a\"b\\c\nd\u{2028}e\u{1}é</script>", to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "\"a\\\"b\\\\c\\nd\\u2028e\\u0001é</script>\"")
    }
}
