import Testing

@testable import DigestKit

@Suite struct SearchTokenizerTests {
    @Test func latinWordsAreCaseAndDiacriticFolded() {
        #expect(SearchTokenizer.terms(in: "Talks in Zürich, São Paulo and ÅLESUND!") == ["talks", "in", "zurich", "sao", "paulo", "and", "alesund"])
        #expect(SearchTokenizer.terms(in: "İstanbul Crème brûlée") == ["istanbul", "creme", "brulee"])
    }

    @Test func wordsSplitAtPunctuationAndKeepDigits() {
        #expect(SearchTokenizer.terms(in: "5G roll-out: 1,200 km (2019)") == ["5g", "roll", "out", "1", "200", "km", "2019"])
        #expect(SearchTokenizer.terms(in: "Москва и Київ") == ["москва", "и", "ки\u{456}в"])
        #expect(SearchTokenizer.terms(in: "الأمن السيبراني").count == 2)
    }

    @Test func cjkRunsBecomeOverlappingBigramsAndTheirLastCharacter() {
        #expect(SearchTokenizer.terms(in: "墨子号卫星") == ["墨子", "子号", "号卫", "卫星", "星"])
        #expect(SearchTokenizer.terms(in: "号") == ["号"])
        // Punctuation and Latin text end a run; a single-character run is its own term.
        #expect(SearchTokenizer.terms(in: "5G网络，安全briefing") == ["5g", "网络", "络", "安全", "全", "briefing"])
        #expect(SearchTokenizer.terms(in: "カタカナ 한국어") == ["カタ", "タカ", "カナ", "ナ", "한국", "국어", "어"])
    }

    @Test func thaiLaoKhmerAndMyanmarRunsBecomeBigramsToo() {
        // Written without spaces between words: one run each, not one long word.
        #expect(SearchTokenizer.terms(in: "ภาษาไทย") == ["ภา", "าษ", "ษา", "าไ", "ไท", "ทย", "ย"])
        for (text, query) in [
            ("กระทรวงการต่างประเทศแถลงข่าว", "ต่างประเทศ"), ("ກະຊວງການຕ່າງປະເທດ", "ການຕ່າງ"),
            ("ក្រសួងការបរទេស", "ការបរទេស"), ("နိုင်ငံခြားရေးဝန်ကြီးဌာန", "ခြားရေး"),
        ] {
            let terms = Set(SearchTokenizer.terms(in: text))
            let bigrams = SearchTokenizer.terms(in: query).dropLast()
            #expect(!bigrams.isEmpty && bigrams.allSatisfy(terms.contains), "\(query) in \(text)")
        }
        #expect(SearchTokenizer.terms(in: "ASEAN ประชุม") == ["asean", "ปร", "ระ", "ะช", "ชุ", "ุม", "ม"])
    }

    /// The search page splits queries with its own list of these blocks (`UNSPACED` in
    /// `assets/search.js`): a scalar the two disagree on is indexed one way and looked up another.
    @Test func theSearchPageSplitsTheSameScriptsAsTheIndex() throws {
        let script = String(decoding: try #require(BuiltInTheme.files["assets/search.js"]), as: UTF8.self)
        let line = try #require(script.split(separator: "\n").first { $0.contains("var UNSPACED = /[") })
        let body = line.split(separator: "[", maxSplits: 1)[1].split(separator: "]")[0]
        var ranges: [ClosedRange<UInt32>] = []
        var pending: UInt32?
        var isRange = false
        var rest = Substring(body)
        while !rest.isEmpty {
            if rest.hasPrefix("-") {
                isRange = true
                rest = rest.dropFirst()
                continue
            }
            #expect(rest.hasPrefix("\\u"), "unexpected \(rest.prefix(8))")
            rest = rest.dropFirst(2)
            let digits = rest.hasPrefix("{") ? rest.dropFirst().prefix { $0 != "}" } : rest.prefix(4)
            rest = rest.dropFirst(rest.hasPrefix("{") ? digits.count + 2 : 4)
            let value = try #require(UInt32(digits, radix: 16))
            if isRange, let start = pending {
                ranges[ranges.count - 1] = start...value
                (pending, isRange) = (nil, false)
            } else {
                ranges.append(value...value)
                pending = value
            }
        }
        #expect(ranges.count > 20)
        for value in UInt32(0)...0x3FFFF where (0xD800...0xDFFF).contains(value) == false {
            let inScript = ranges.contains { $0.contains(value) }
            if inScript != SearchTokenizer.isUnspaced(value) {
                Issue.record("U+\(String(value, radix: 16, uppercase: true)): search.js \(inScript), SearchTokenizer \(!inScript)")
                return
            }
        }
    }

    @Test func aQueryRunsTermsAreAmongTheTextsTerms() {
        let text = Set(SearchTokenizer.terms(in: "中国科学院表示，墨子号量子科学实验卫星实现了千公里级的量子纠缠分发。"))
        for query in ["墨子号", "墨子", "量子纠缠"] {
            let bigrams = SearchTokenizer.terms(in: query).dropLast()
            #expect(!bigrams.isEmpty && bigrams.allSatisfy(text.contains), "\(query)")
        }
    }
}

@Suite struct SearchPlainTextTests {
    @Test func tagsAttributesScriptsAndStylesAreNotText() {
        let html =
            "<p class=\"lead\">Talks <em>resume</em> in <a href=\"https://x.example/hidden\" title=\"secret\">Zürich</a>.</p>\n"
            + "<script>var hidden = 1;</script><style>p { color: red }</style><p>Next&nbsp;&amp; last &#x4E2D;&#22269;</p>"
        #expect(SearchPlainText.of(html: html) == "Talks resume in Zürich. Next & last 中国")
    }

    @Test func blockTagsSeparateWordsAndInlineTagsDoNot() {
        #expect(SearchPlainText.of(html: "<table><tr><td>one</td><td>two</td></tr></table><p>un<strong>usual</strong></p>") == "one two unusual")
    }
}
