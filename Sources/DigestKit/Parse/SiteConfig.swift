import Foundation
import Yams

/// The settings in `site.yml`.
public struct SiteConfig: Sendable {
    /// A section in the configured order, with the name readers see.
    public struct Section: Hashable, Sendable {
        public var id: String
        public var title: String
        /// Titles by language (`{en: Foreign Ministry, zh: 外交部}`), over `title`.
        public var titles: [String: String]

        public init(id: String, title: String, titles: [String: String] = [:]) {
            self.id = id
            self.title = title
            self.titles = titles
        }
    }

    public var title = "Digest"
    public var description = ""
    public var language = "en"
    /// `languages:`: every language the site is published in; empty (or one) for one language.
    public var languages: [String] = []
    /// `speakers:`: names of one person in several languages.
    public var speakers: [Speaker] = []
    /// `tags:`: names of one tag in several languages.
    public var tags: [Tag] = []
    public var timeZone = TimeZone(identifier: "UTC")!
    /// Whether `timezone` was given; the build summary says when UTC was assumed.
    public var timeZoneWasSet = false
    /// Only for absolute URLs (feeds, canonical links); internal links are always relative.
    public var baseURL: String?
    public var paginate = 20
    public var sections: [Section] = []
    public var unsafeHTML = false
    /// Links end in `index.html`, so the site can be browsed straight from disk.
    public var linkIndexFiles = false
    public var newsletter = NewsletterSettings()
    /// Where article pages go (`permalink:`); see `Permalink`.
    public var permalink = Permalink.default

    public init() {}

    static let knownKeys: Set<String> = [
        "title", "description", "language", "timezone", "base_url", "paginate", "sections",
        "unsafe_html", "link_index_html", "newsletter", "permalink",
        "languages", "speakers", "tags",
    ]

    /// The configured display name of a section in the default language, or the section itself.
    public func sectionTitle(_ id: String) -> String {
        sectionTitle(id, language: language)
    }
}

extension SiteConfig {
    /// Reads `site.yml`'s text. Errors and warnings name `file` and the line.
    public static func parse(_ yaml: String, file: String = "site.yml") -> (config: SiteConfig, diagnostics: [Diagnostic]) {
        var config = SiteConfig()
        var diagnostics: [Diagnostic] = []
        let fields: YAMLFields
        switch YAMLFields.parse(yaml, file: file, firstLine: 1) {
        case let .success(parsed): fields = parsed
        case let .failure(diagnostic): return (config, [diagnostic])
        }
        diagnostics += fields.unknownKeyWarnings(known: knownKeys, what: "site.yml")

        func read<T>(_ key: String, _ reader: (YAMLFields.Entry) -> Result<T, Diagnostic>, _ apply: (T) -> Void) {
            guard let entry = fields.entry(key) else { return }
            switch reader(entry) {
            case let .success(value): apply(value)
            case let .failure(diagnostic): diagnostics.append(diagnostic)
            }
        }
        read("title", fields.string) { config.title = $0 }
        read("description", fields.string) { config.description = $0 }
        read("language", fields.string) { config.language = $0 }
        read("base_url", fields.string) { config.baseURL = $0.isEmpty ? nil : $0 }
        read("unsafe_html", fields.bool) { config.unsafeHTML = $0 }
        read("link_index_html", fields.bool) { config.linkIndexFiles = $0 }
        if let entry = fields.entry("paginate") {
            switch fields.int(entry) {
            case let .success(value) where value > 0: config.paginate = value
            case .success: diagnostics.append(fields.wrongType(entry, expected: "a whole number above 0"))
            case let .failure(diagnostic): diagnostics.append(diagnostic)
            }
        }
        if let entry = fields.entry("permalink") {
            switch fields.string(entry) {
            case let .success(pattern):
                do {
                    config.permalink = try Permalink(pattern)
                } catch {
                    diagnostics.append(
                        Diagnostic(
                            file: file, line: entry.line, column: entry.column, message: error.description,
                            hint: "for example permalink: \(Permalink.defaultPattern)"))
                }
            case let .failure(diagnostic): diagnostics.append(diagnostic)
            }
        }
        if let entry = fields.entry("timezone") {
            switch fields.string(entry) {
            case let .success(name):
                if let zone = TimeZone(identifier: name) {
                    config.timeZone = zone
                    config.timeZoneWasSet = true
                } else {
                    diagnostics.append(
                        Diagnostic(
                            file: file, line: entry.line, column: entry.column,
                            message: "unknown time zone '\(name)'",
                            hint: "use an IANA name such as Asia/Shanghai, Europe/London or UTC"))
                }
            case let .failure(diagnostic): diagnostics.append(diagnostic)
            }
        }
        if let entry = fields.entry("newsletter") {
            let (settings, problems) = NewsletterSettings.parse(entry, in: fields)
            config.newsletter = settings
            diagnostics += problems
        }
        diagnostics += parseLanguages(fields, into: &config)
        read("speakers", { parseNames($0, fields: fields, as: .speakers) }) { config.speakers = $0 }
        read("tags", { parseNames($0, fields: fields, as: .tags) }) { config.tags = $0 }
        if let entry = fields.entry("sections") {
            switch parseSections(entry, fields: fields, language: config.language) {
            case let .success(sections): config.sections = sections
            case let .failure(diagnostic): diagnostics.append(diagnostic)
            }
        }
        if !diagnostics.hasErrors { diagnostics += config.unlistedLanguageWarnings(fields) + SiteConfig.sharedNameWarnings(fields) }
        return (config, diagnostics)
    }

    /// `sections:` is a list of ids (`- DIPLOMACY`) or of `{id, title}` pairs, or a mapping of
    /// ids to titles (`DIPLOMACY: Diplomacy`); a title may be given per language
    /// (`{en: Foreign Ministry, zh: 外交部}`).
    private static func parseSections(_ entry: YAMLFields.Entry, fields: YAMLFields, language: String) -> Result<[Section], Diagnostic> {
        func section(_ id: String, _ title: Node?, line: Int) -> Result<Section, Diagnostic> {
            guard let title else { return .success(Section(id: id, title: id)) }
            return titles(title, what: "the title of section '\(id)'", fields: fields, line: line).map { title, titles in
                Section(id: id, title: title ?? titles[language] ?? titles.values.sorted().first ?? id, titles: titles)
            }
        }
        if let mapping = entry.value.mapping {
            return Result {
                try mapping.map { key, value in
                    guard let id = key.string, !id.isEmpty else { throw fields.wrongType(entry, expected: "section ids and their titles") }
                    return try section(id, value, line: key.mark?.line ?? entry.line).get()
                }
            }.mapError { $0 as! Diagnostic }
        }
        guard let sequence = entry.value.sequence else {
            return .failure(fields.wrongType(entry, expected: "a list of sections"))
        }
        var sections: [Section] = []
        for item in sequence {
            let made: Result<Section, Diagnostic>
            if let id = item.scalar?.string {
                made = .success(Section(id: id, title: id))
            } else if let mapping = item.mapping, let id = mapping["id"]?.string {
                made = section(id, mapping["title"], line: item.mark?.line ?? entry.line)
            } else {
                made = .failure(fields.wrongType(entry, expected: "a list of section ids, or of 'id:' and 'title:' pairs"))
            }
            switch made {
            case let .success(section): sections.append(section)
            case let .failure(diagnostic): return .failure(diagnostic)
            }
        }
        return .success(sections)
    }
}

extension SiteConfig {
    /// Stands for every setting: part of each page's fingerprint and of the parse cache's key.
    public var fingerprint: UInt64 {
        var hasher = StableHasher()
        for text in [title, description, language, timeZone.identifier, baseURL ?? "\u{0}"] { hasher.combine(text) }
        hasher.combine(timeZoneWasSet)
        hasher.combine(paginate)
        hasher.combine(sections.count)
        for section in sections {
            hasher.combine(section.id)
            hasher.combine(section.title)
            // Only when given, so a site without them keeps its fingerprints.
            for language in section.titles.keys.sorted() { hasher.combine(language + "\u{0}" + section.titles[language]!) }
        }
        if !languages.isEmpty || !speakers.isEmpty {
            hasher.combine(languages.joined(separator: "\u{0}"))
            Self.combine(speakers, into: &hasher)
        }
        // Only when given, so a site without them keeps its fingerprints; counted, so a name
        // cannot pass from `speakers:` to `tags:` unseen.
        if !tags.isEmpty {
            hasher.combine(tags.count)
            Self.combine(tags, into: &hasher)
        }
        hasher.combine(unsafeHTML)
        hasher.combine(linkIndexFiles)
        hasher.combine(permalink.description)
        newsletter.combine(into: &hasher)
        return hasher.finalize()
    }

    private static func combine(_ terms: [NamesByLanguage], into hasher: inout StableHasher) {
        for term in terms {
            hasher.combine(term.name)
            for language in term.names.keys.sorted() { hasher.combine(language + "\u{0}" + term.names[language]!) }
        }
    }
}
