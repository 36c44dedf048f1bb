/// The theme's words in one language, resolved once per build: the language's strings file,
/// with English in place of each string it lacks, its plural rules, and its date patterns
/// split ready to fill in. Templates read the plain strings as `t`; counts and dates are
/// written here into the values pages get.
public struct Localization: Sendable {
    /// The language pages in it are marked with (`zh`, `en-GB`).
    public let language: String
    /// The plural rules of the language the words are in (English's when it has no strings).
    public let pluralRules: PluralRules
    let texts: [String: String]
    let counted: [String: [PluralCategory: TextPattern]]
    let patterns: [String: TextPattern]
    let months: [String]
    let weekdays: [String]
    /// The plain strings (`t.archive`), shared by every page in this language.
    let templateStrings: SharedContext

    /// The languages written right to left (by their first subtag).
    static let rightToLeft: Set<String> = ["ar", "he", "iw", "fa", "ur", "yi", "ps", "dv", "ckb", "sd", "ug"]

    /// `rtl` for Arabic, Hebrew, Persian and the like, `ltr` for the rest.
    public var direction: String { Self.direction(of: language) }

    public static func direction(of language: String) -> String {
        rightToLeft.contains(baseLanguage(language)) ? "rtl" : "ltr"
    }

    /// `zh` of `zh-Hans-CN`, lowercased.
    static func baseLanguage(_ code: String) -> String {
        String(code.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? "")
    }

    /// `file`'s strings with `fallback`'s (English) where `file` lacks one, or has one of another
    /// kind; a warning naming `fileName` and the key says so for each.
    static func resolve(
        language: String, wordsLanguage: String, file: StringsFile, fallback: StringsFile,
        fileName: String
    ) -> (Localization, [Diagnostic]) {
        var warnings: [Diagnostic] = []
        var resolved = file.values
        let rules = PluralRules(language: wordsLanguage)
        for (key, english) in fallback.values.sorted(by: { $0.key < $1.key }) {
            guard let own = file.values[key] else {
                resolved[key] = english
                warnings.append(
                    .warning(
                        file: fileName, message: "no string '\(key)' for '\(wordsLanguage)': English used",
                        hint: "add '\(key)' to \(fileName)"))
                continue
            }
            if let problem = Self.problem(own, for: english, key: key) {
                resolved[key] = english
                warnings.append(.warning(file: fileName, message: "the string '\(key)' \(problem): English used"))
            }
        }
        var texts: [String: String] = [:]
        var counted: [String: [PluralCategory: TextPattern]] = [:]
        var lists: [String: [String]] = [:]
        for (key, value) in resolved {
            switch value {
            case let .text(text): texts[key] = text
            case let .plural(forms): counted[key] = forms.mapValues(TextPattern.init)
            case let .list(items): lists[key] = items
            }
        }
        let months = lists["dates.months"] ?? []
        let weekdays = lists["dates.weekdays"] ?? []
        let localization = Localization(
            language: language, pluralRules: rules, texts: texts, counted: counted,
            patterns: texts.mapValues(TextPattern.init), months: months, weekdays: weekdays,
            templateStrings: SharedContext(texts.filter { !$0.key.contains(".") }))
        return (localization, warnings)
    }

    private init(
        language: String, pluralRules: PluralRules, texts: [String: String], counted: [String: [PluralCategory: TextPattern]],
        patterns: [String: TextPattern], months: [String], weekdays: [String], templateStrings: SharedContext
    ) {
        self.language = language
        self.pluralRules = pluralRules
        self.texts = texts
        self.counted = counted
        self.patterns = patterns
        self.months = months
        self.weekdays = weekdays
        self.templateStrings = templateStrings
    }

    /// Why `own` cannot stand in for the English string `english`, if it cannot.
    private static func problem(_ own: StringsFile.Value, for english: StringsFile.Value, key: String) -> String? {
        switch (own, english) {
        case (.text, .text): return nil
        case let (.plural(forms), .plural): return forms[.other] == nil ? "has no 'other' form" : nil
        case let (.list(items), .list(englishItems)):
            return items.count == englishItems.count ? nil : "needs \(englishItems.count) entries"
        case (_, .text): return "must be a text"
        case (_, .plural): return "must be texts by plural category (one, other…)"
        case (_, .list): return "must be a list"
        }
    }

    /// A plain string (`archive`); the key itself when no language has it.
    public func text(_ key: String) -> String {
        texts[key] ?? key
    }

    /// A string with values put in: `page_of` with `current` and `total`.
    public func text(_ key: String, _ values: [String: String]) -> String {
        patterns[key]?.filled { values[$0] } ?? key
    }

    /// A counted string in the form `count` takes (`1 article`, `2 articles`), `{count}` and
    /// `values` put in. A form the strings do not give falls back to `other`.
    public func count(_ key: String, _ count: Int, _ values: [String: String] = [:]) -> String {
        guard let forms = counted[key], let pattern = forms[pluralRules.category(count)] ?? forms[.other] else { return key }
        return pattern.filled { $0 == "count" ? String(count) : values[$0] }
    }
}
