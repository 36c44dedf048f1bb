/// CLDR's plural categories: which form of a word a count takes in a language ("1 article",
/// "2 articles"; Russian's "1 статья", "3 статьи", "5 статей").
public enum PluralCategory: String, CaseIterable, Sendable {
    case zero, one, two, few, many, other
}

/// CLDR's cardinal plural rules for whole numbers, for the languages Digest knows; every other
/// language gets `other` alone, which is right for Chinese, Japanese, Korean and the like and
/// merely plain elsewhere. Counts are whole and never negative, so CLDR's operands reduce to
/// `n`, its last digit and its last two digits.
public struct PluralRules: Sendable {
    /// The categories a language's strings may give, `other` always among them.
    public let categories: [PluralCategory]
    private let rule: @Sendable (Int) -> PluralCategory

    /// The rules of `language` (`ru`, `pt-BR`, `zh-Hans`: the part before the first `-` or `_`
    /// decides).
    public init(language: String) {
        let base = String(language.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? "")
        let entry = Self.table[base] ?? Self.onlyOther
        categories = entry.categories
        rule = entry.rule
    }

    public func category(_ count: Int) -> PluralCategory { rule(abs(count)) }

    private typealias Entry = (categories: [PluralCategory], rule: @Sendable (Int) -> PluralCategory)

    private static let onlyOther: Entry = ([.other], { _ in .other })
    /// English and most Germanic and Nordic languages: one for exactly 1.
    private static let oneForOne: Entry = ([.one, .other], { $0 == 1 ? .one : .other })
    /// French and Portuguese (CLDR's `pt`, Brazil's): one for 0 and 1; many for millions
    /// (1000000, 2000000…).
    private static let french: Entry = (
        [.one, .many, .other],
        { n in
            if n == 0 || n == 1 { return .one }
            return n != 0 && n % 1_000_000 == 0 ? .many : .other
        }
    )
    /// Spanish and Italian: one for 1; many for millions.
    private static let romance: Entry = (
        [.one, .many, .other],
        { n in
            if n == 1 { return .one }
            return n != 0 && n % 1_000_000 == 0 ? .many : .other
        }
    )
    /// Russian and Ukrainian: one (1, 21, 31… not 11), few (2–4, 22–24… not 12–14), many.
    private static let eastSlavic: Entry = (
        [.one, .few, .many, .other],
        { n in
            let (last, lastTwo) = (n % 10, n % 100)
            if last == 1 && lastTwo != 11 { return .one }
            if (2...4).contains(last) && !(12...14).contains(lastTwo) { return .few }
            return .many
        }
    )
    /// Polish: one for 1 alone, few as in Russian, many for the rest.
    private static let polish: Entry = (
        [.one, .few, .many, .other],
        { n in
            if n == 1 { return .one }
            let (last, lastTwo) = (n % 10, n % 100)
            return (2...4).contains(last) && !(12...14).contains(lastTwo) ? .few : .many
        }
    )
    /// Arabic: zero, one, two, few (3–10, 103–110…), many (11–99, 111–199…), other (100–102…).
    private static let arabic: Entry = (
        [.zero, .one, .two, .few, .many, .other],
        { n in
            switch n {
            case 0: return .zero
            case 1: return .one
            case 2: return .two
            default:
                let lastTwo = n % 100
                if (3...10).contains(lastTwo) { return .few }
                if (11...99).contains(lastTwo) { return .many }
                return .other
            }
        }
    )
    /// Hebrew: one, two, other.
    private static let hebrew: Entry = (
        [.one, .two, .other],
        { n in
            n == 1 ? .one : n == 2 ? .two : .other
        }
    )
    /// Persian and Hindi: one for 0 and 1.
    private static let zeroAndOne: Entry = ([.one, .other], { $0 <= 1 ? .one : .other })

    private static let table: [String: Entry] = {
        var table: [String: Entry] = [:]
        for code in ["zh", "ja", "ko", "vi", "th", "id", "ms", "yue", "my", "lo", "km"] { table[code] = onlyOther }
        for code in ["en", "de", "nl", "sv", "da", "nb", "nn", "no", "fi", "et", "el", "hu", "tr", "bg", "ca", "gl", "ur", "sw"] {
            table[code] = oneForOne
        }
        table["fr"] = french
        table["pt"] = french
        for code in ["es", "it"] { table[code] = romance }
        for code in ["ru", "uk", "be"] { table[code] = eastSlavic }
        table["pl"] = polish
        table["ar"] = arabic
        table["he"] = hebrew
        table["iw"] = hebrew
        for code in ["fa", "hi", "bn", "gu", "kn", "mr", "zu", "am"] { table[code] = zeroAndOne }
        return table
    }()
}
