import Foundation

/// The settings in `site.yml`.
public struct SiteConfig: Sendable {
    /// A section in the configured order, with the name readers see.
    public struct Section: Hashable, Sendable {
        public var id: String
        public var title: String

        public init(id: String, title: String) {
            self.id = id
            self.title = title
        }
    }

    public var title = "Digest"
    public var description = ""
    public var language = "en"
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
    ]

    /// The configured display name of a section, or the section itself.
    public func sectionTitle(_ id: String) -> String {
        sections.first { $0.id.caseInsensitiveCompare(id) == .orderedSame }?.title ?? id
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
        if let entry = fields.entry("sections") {
            switch parseSections(entry, fields: fields) {
            case let .success(sections): config.sections = sections
            case let .failure(diagnostic): diagnostics.append(diagnostic)
            }
        }
        return (config, diagnostics)
    }

    /// `sections:` is a list of ids (`- DIPLOMACY`) or of `{id, title}` pairs.
    private static func parseSections(_ entry: YAMLFields.Entry, fields: YAMLFields) -> Result<[Section], Diagnostic> {
        guard let sequence = entry.value.sequence else {
            return .failure(fields.wrongType(entry, expected: "a list of sections"))
        }
        var sections: [Section] = []
        for item in sequence {
            if let id = item.scalar?.string {
                sections.append(Section(id: id, title: id))
            } else if let mapping = item.mapping, let id = mapping["id"]?.string {
                sections.append(Section(id: id, title: mapping["title"]?.string ?? id))
            } else {
                return .failure(fields.wrongType(entry, expected: "a list of section ids, or of 'id:' and 'title:' pairs"))
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
        }
        hasher.combine(unsafeHTML)
        hasher.combine(linkIndexFiles)
        hasher.combine(permalink.description)
        newsletter.combine(into: &hasher)
        return hasher.finalize()
    }
}
