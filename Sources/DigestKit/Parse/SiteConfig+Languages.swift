import Yams

/// `languages:`, and the names given per language under `sections:`, `speakers:` and `tags:`.
extension SiteConfig {
    /// A person or a tag written differently in each language (Hua Chunying, 华春莹; Trade war,
    /// 贸易战): one speaker or one tag, whose pages in each language link to each other.
    public struct NamesByLanguage: Hashable, Sendable {
        /// The name in the site's default language (the key in `site.yml`).
        public var name: String
        /// Names in other languages, by language.
        public var names: [String: String]

        public init(name: String, names: [String: String]) {
            self.name = name
            self.names = names
        }

        /// The name shown in `language`.
        public func name(in language: String) -> String { names[language] ?? name }
    }

    /// An entry of `speakers:`.
    public typealias Speaker = NamesByLanguage
    /// An entry of `tags:`.
    public typealias Tag = NamesByLanguage

    /// The site's languages, the default first: one edition each (`Site.Edition`). A site with
    /// no `languages:` has one, its `language`.
    public var editionLanguages: [String] {
        languages.count > 1 ? [language] + languages.filter { $0 != language } : [language]
    }

    /// The edition an article in `language` (nil: the default) belongs to: the one of the same
    /// language, else of the same primary language (`zh-Hans` goes with `zh`), else the default.
    public func edition(of language: String?) -> Int {
        Self.edition(of: language, among: editionLanguages)
    }

    /// The position in `editions` (languages, the default first) of the one for `language`.
    static func edition(of language: String?, among editions: [String]) -> Int {
        guard let language, editions.count > 1 else { return 0 }
        if let exact = editions.firstIndex(where: { $0.caseInsensitiveCompare(language) == .orderedSame }) { return exact }
        let primary = language.split(separator: "-").first.map { $0.lowercased() } ?? language
        return editions.firstIndex { $0.split(separator: "-").first?.lowercased() == primary } ?? 0
    }

    /// The display name of a section in `language`: its title there, else its title, else the id.
    public func sectionTitle(_ id: String, language: String) -> String {
        guard let section = sections.first(where: { $0.id.caseInsensitiveCompare(id) == .orderedSame }) else { return id }
        return section.titles[language] ?? section.title
    }

    /// Every configured speaker name's key, and the speaker it names.
    var speakerKeys: [String: Int] { Self.keys(of: speakers) }

    /// Every configured tag name's key, and the tag it names.
    var tagKeys: [String: Int] { Self.keys(of: tags) }

    /// Every name's key (`TermKey.normalize`d), and the position in `terms` of the one it names
    /// (the first, where two share a name).
    static func keys(of terms: [NamesByLanguage]) -> [String: Int] {
        var keys: [String: Int] = [:]
        for (index, term) in terms.enumerated() {
            for name in [term.name] + term.names.values.sorted() { keys[TermKey.normalize(name)] = keys[TermKey.normalize(name)] ?? index }
        }
        return keys
    }

    /// Reads `languages:`, then checks `language:` against it (the first is the default).
    static func parseLanguages(_ fields: YAMLFields, into config: inout SiteConfig) -> [Diagnostic] {
        guard let entry = fields.entry("languages") else { return [] }
        let listed: [String]
        switch fields.strings(entry) {
        case let .success(values): listed = values
        case let .failure(diagnostic): return [diagnostic]
        }
        var languages: [String] = []
        for text in listed {
            guard let tag = LanguageTag.normalized(text) else {
                return [
                    Diagnostic(
                        file: fields.file, line: entry.line, column: entry.column, message: "'\(text)' in 'languages:' is not a language",
                        hint: "list language tags, the default first: languages: [en, zh]")
                ]
            }
            guard !languages.contains(where: { $0.caseInsensitiveCompare(tag) == .orderedSame }) else {
                return [
                    Diagnostic(
                        file: fields.file, line: entry.line, column: entry.column, message: "'\(tag)' is listed twice in 'languages:'",
                        hint: "list each language once, the default first")
                ]
            }
            languages.append(tag)
        }
        guard !languages.isEmpty else {
            return [fields.wrongType(entry, expected: "a list of language tags, the default first (languages: [en, zh])")]
        }
        config.languages = languages
        if let given = fields.entry("language") {
            guard languages.contains(config.language) else {
                return [
                    Diagnostic(
                        file: fields.file, line: given.line, column: given.column,
                        message: "'language: \(config.language)' is not one of 'languages:' (\(languages.joined(separator: ", ")))",
                        hint: "add it to 'languages:', or remove 'language:' to make the first of 'languages:' the default")
                ]
            }
        } else {
            config.language = languages[0]
        }
        return []
    }

    /// A title given as text, or per language (`{en: Foreign Ministry, zh: 外交部}`): the text
    /// for every language, or the default language's (else the first) and the others by language.
    static func titles(_ node: Node, what: String, fields: YAMLFields, line: Int) -> Result<(title: String?, titles: [String: String]), Diagnostic> {
        if let scalar = node.scalar { return .success((scalar.string, [:])) }
        guard let mapping = node.mapping else {
            return .failure(
                Diagnostic(
                    file: fields.file, line: node.mark?.line ?? line, column: node.mark?.column ?? 1,
                    message: "\(what) must be a name, or names by language",
                    hint: "for example {en: Foreign Ministry, zh: 外交部}"))
        }
        var titles: [String: String] = [:]
        for (key, value) in mapping {
            guard let language = key.string.flatMap(LanguageTag.normalized), let title = value.scalar?.string else {
                return .failure(
                    Diagnostic(
                        file: fields.file, line: key.mark?.line ?? line, column: key.mark?.column ?? 1,
                        message: "\(what): '\(key.string ?? "")' is not a language with a name",
                        hint: "give names by language tag, for example {en: Foreign Ministry, zh: 外交部}"))
            }
            titles[language] = title
        }
        return .success((nil, titles))
    }

    /// How `site.yml`'s errors speak of one kind of names by language.
    struct NamesField {
        /// The key in `site.yml`: `speakers`.
        var key: String
        /// One of them, and whose names they are: `speaker`, `their`.
        var one: String
        var their: String
        /// An entry as it should be written: `Hua Chunying: {zh: 华春莹}`.
        var example: String

        static let speakers = NamesField(key: "speakers", one: "speaker", their: "their", example: "Hua Chunying: {zh: 华春莹}")
        static let tags = NamesField(key: "tags", one: "tag", their: "its", example: "Trade war: {zh: 贸易战}")
    }

    /// `speakers:` or `tags:`: each one's name in the default language, then names by language
    /// (`Hua Chunying: {zh: 华春莹}`, `Trade war: {zh: 贸易战}`).
    static func parseNames(_ entry: YAMLFields.Entry, fields: YAMLFields, as field: NamesField) -> Result<[NamesByLanguage], Diagnostic> {
        guard let mapping = entry.value.mapping else {
            return .failure(fields.wrongType(entry, expected: "\(field.key)' names by language, for example '\(field.example)'"))
        }
        var terms: [NamesByLanguage] = []
        for (key, value) in mapping {
            let line = key.mark?.line ?? entry.line
            guard let name = key.string, !name.isEmpty, value.mapping != nil else {
                return .failure(
                    Diagnostic(
                        file: fields.file, line: line, column: key.mark?.column ?? 1,
                        message: "\(field.one) '\(key.string ?? "")' needs \(field.their) names by language",
                        hint: "write the name in the default language, then the others: '\(field.example)'"))
            }
            switch titles(value, what: "\(field.one) '\(name)'", fields: fields, line: line) {
            case let .success((_, names)): terms.append(NamesByLanguage(name: name, names: names))
            case let .failure(diagnostic): return .failure(diagnostic)
            }
        }
        return .success(terms)
    }

    /// Names under `sections:`, `speakers:` and `tags:` given for a language the site is not in: kept,
    /// but never shown, which is worth a warning at the line.
    func unlistedLanguageWarnings(_ fields: YAMLFields) -> [Diagnostic] {
        let listed = Set(editionLanguages.map { $0.lowercased() })
        var nameMappings: [Node] = []
        if let sections = fields.entry("sections")?.value {
            nameMappings += (sections.mapping?.map(\.value) ?? []) + (sections.sequence?.compactMap { $0.mapping?["title"] } ?? [])
        }
        // On a site in one language, a speaker's or tag's names in others are how two spellings
        // are gathered under one (see docs/languages.md): used, so not worth a warning.
        for field in [NamesField.speakers, .tags] where editionLanguages.count > 1 {
            nameMappings += fields.entry(field.key)?.value.mapping?.map(\.value) ?? []
        }
        return nameMappings.compactMap(\.mapping).flatMap { $0.map(\.key) }.compactMap { key -> Diagnostic? in
            guard let language = key.string.flatMap(LanguageTag.normalized), !listed.contains(language.lowercased()) else { return nil }
            return .warning(
                file: fields.file, line: key.mark?.line ?? 1, column: key.mark?.column ?? 1,
                message: "a name in '\(language)', which is not one of the site's languages (\(editionLanguages.joined(separator: ", "))), is never shown",
                hint: "add '\(language)' to 'languages:', or remove the name")
        }
    }
}
