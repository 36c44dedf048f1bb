import Foundation

/// Turns a split document into an `Article`: validates the front matter, reads the date in the
/// site's zone, renders the body once.
public struct ArticleParser: Sendable {
    public static let knownFields: Set<String> = [
        "title", "date", "section", "tags", "speakers", "source", "summary", "draft", "slug", "quotes",
        "updated", "correction", "aliases", "id", "language", "translation_key",
    ]

    public var config: SiteConfig
    /// Every non-Markdown file under `Content/`, to check and copy what bodies link to.
    public var assets: Set<String>

    public init(config: SiteConfig, assets: Set<String> = []) {
        self.config = config
        self.assets = assets
    }

    public struct Outcome: Sendable {
        public var article: Article?
        public var diagnostics: [Diagnostic]
    }

    public func parse(_ document: RawDocument) -> Outcome {
        let file = document.path
        var diagnostics: [Diagnostic] = []
        let fields: YAMLFields
        switch YAMLFields.frontMatter(document.frontMatter, file: file, firstLine: document.frontMatterLine) {
        case let .success(parsed): fields = parsed
        case let .failure(diagnostic): return Outcome(article: nil, diagnostics: [diagnostic])
        }
        diagnostics += fields.unknownKeyWarnings(known: Self.knownFields, what: "front matter")

        func required(_ key: String, hint: String) -> String? {
            guard let entry = fields.entry(key) else {
                diagnostics.append(fields.missing(key, hint: hint))
                return nil
            }
            switch fields.string(entry).map({ $0.trimmingWhitespace() }) {
            case let .success(value) where !value.isEmpty:
                return value
            case .success:
                diagnostics.append(
                    Diagnostic(
                        file: file, line: entry.line, column: entry.column,
                        message: "the field '\(key)' is empty", hint: hint))
            case let .failure(diagnostic):
                diagnostics.append(diagnostic)
            }
            return nil
        }
        func optional<T>(_ key: String, _ reader: (YAMLFields.Entry) -> Result<T, Diagnostic>) -> T? {
            guard let entry = fields.entry(key) else { return nil }
            switch reader(entry) {
            case let .success(value): return value
            case let .failure(diagnostic):
                diagnostics.append(diagnostic)
                return nil
            }
        }

        let title = required("title", hint: "add a line like 'title: China urges dialogue on cybersecurity'")
        let isDraft = optional("draft", fields.bool) ?? false
        let section: String?
        if isDraft, let missing = Self.missingSection(fields) {
            // An imported draft waiting for its section: parsed, named, and left out of every
            // build (`Pipeline.index`) until the editor sets one.
            diagnostics.append(missing)
            section = ""
        } else {
            section = required("section", hint: "add a line like 'section: DIPLOMACY'")
        }
        var date: ArticleDate?
        if let text = required("date", hint: "add a line like 'date: \"2019-02-13T09:15:25+08:00\"'") {
            do {
                date = try ArticleDateParser.parse(text, in: config.timeZone)
            } catch {
                let entry = fields.entry("date")
                diagnostics.append(
                    Diagnostic(
                        file: file, line: entry?.line, column: entry?.column,
                        message: "invalid date: \(error.reason)"))
            }
        }
        let tags = optional("tags", fields.strings).map(Self.cleaned) ?? []
        let speakers = optional("speakers", fields.strings).map(Self.cleaned) ?? []
        let source = optional("source", fields.string).flatMap(Self.nonEmpty)
        let summary = optional("summary", fields.string).flatMap(Self.nonEmpty)
        let slug = optional("slug", fields.string).flatMap(Self.nonEmpty)
        let listedQuotes = optional("quotes", frontMatterQuotes(fields)) ?? []
        let updated = optional("updated", updatedDate(fields, published: date))
        let correction = optional("correction", fields.string).flatMap(Self.nonEmpty)
        let aliases = optional("aliases", aliasPaths(fields)) ?? []
        let feedID = optional("id", fields.string).flatMap(Self.nonEmpty)
        let language = optional("language", languageTag(fields))
        let translationKey = optional("translation_key", fields.string).flatMap(Self.nonEmpty)

        guard let title, let section, let date, !diagnostics.hasErrors else {
            return Outcome(article: nil, diagnostics: diagnostics)
        }
        let markdownOptions = Markdown.Options(unsafeHTML: config.unsafeHTML)
        let rendered = Markdown.render(document.body, options: markdownOptions)
        let (assetPaths, linkWarnings) = localAssets(rendered.references, document: document)
        diagnostics += linkWarnings
        let quotes =
            listedQuotes
            + rendered.quotes.map {
                AttributedQuote(text: $0.text, speaker: $0.speaker, line: $0.line + document.bodyLine - 1)
            }
        let header = ArticleHeader(
            title: title, date: date, updated: updated, section: section, tags: tags,
            // Whoever is quoted is a speaker of the article, listed or not.
            speakers: Self.cleaned(speakers + quotes.map(\.speaker)), source: source, summary: summary,
            correctionHTML: correction.map { Markdown.render($0, options: markdownOptions).html }, isDraft: isDraft,
            requestedSlug: slug, requestedSlugLine: slug == nil ? nil : fields.entry("slug")?.line,
            quotes: quotes.map { ArticleHeader.Quote(text: $0.text, speaker: $0.speaker) }, assets: assetPaths,
            aliases: aliases, feedID: feedID, language: language, translationKey: translationKey)
        let bodyLinks = rendered.references.map {
            Markdown.Reference(destination: $0.destination, line: $0.line + document.bodyLine - 1, isImage: $0.isImage)
        }
        var article = Article(
            sourcePath: file, header: header, body: ArticleBody(html: rendered.html), bodyLinks: bodyLinks,
            quoteLines: quotes.map(\.line))
        article.keys = ArticleKeys(article)
        return Outcome(article: article, diagnostics: diagnostics)
    }

    /// The warning for a draft whose `section:` is absent or empty, at the line to fill in; nil
    /// when a section is set (or is not text, which `required` reports).
    static func missingSection(_ fields: YAMLFields) -> Diagnostic? {
        let entry = fields.entry("section")
        if let entry {
            guard case let .success(value) = fields.string(entry), value.trimmingWhitespace().isEmpty else { return nil }
        }
        return .warning(
            file: fields.file, line: entry?.line ?? fields.mappingLine, column: entry?.column ?? 1,
            message: "draft without a section: set `section:`",
            hint: "builds leave it out, --drafts too, until it names one, e.g. 'section: DIPLOMACY'")
    }

    /// Local files the body links to; each missing one is a warning with its line.
    func localAssets(_ references: [Markdown.Reference], document: RawDocument) -> ([String], [Diagnostic]) {
        let folder = (document.path as NSString).deletingLastPathComponent
        var found: [String] = []
        var warnings: [Diagnostic] = []
        for reference in references {
            guard let relative = LocalLink.relativePath(reference.destination) else { continue }
            let line = reference.line + document.bodyLine - 1
            guard let path = LocalLink.resolve(relative, inFolder: folder) else {
                warnings.append(
                    .warning(
                        file: document.path, line: line,
                        message: "the link '\(reference.destination)' leaves the article's folder and will not work on the site",
                        hint: "put the file in the article's folder or a sub-folder of it"))
                continue
            }
            // A backslash is a folder separator on Windows hosts and is refused by the writer
            // (`OutputFile.isSafe`); copying such a file would fail the whole build.
            if path.contains("\\") {
                warnings.append(
                    .warning(
                        file: document.path, line: line,
                        message: "the file '\(path)' has a backslash in its name and is not copied",
                        hint: "rename it without '\\'"))
                continue
            }
            if assets.contains(path) {
                if !found.contains(path) { found.append(path) }
            } else if !ContentLoader.markdownExtensions.contains((path as NSString).pathExtension.lowercased()) {
                warnings.append(
                    .warning(
                        file: document.path, line: line,
                        message: "the \(reference.isImage ? "image" : "link") '\(reference.destination)' points to a missing file",
                        hint: "add \(path) or fix the link"))
            }
        }
        // A page bundle (`folder/index.md`) owns its folder: every file in it goes beside the
        // page, linked from the body or not (downloads, data files, images used by scripts).
        let name = (document.path as NSString).lastPathComponent.lowercased()
        if name == "index.md" || name == "index.markdown" {
            let prefix = folder + "/"
            for asset in assets.sorted() where asset.hasPrefix(prefix) && !asset.contains("\\") && !found.contains(asset) {
                found.append(asset)
            }
        }
        return (found, warnings)
    }

    /// `updated:`, read as `date:` is, and never before `published`.
    func updatedDate(_ fields: YAMLFields, published: ArticleDate?) -> (YAMLFields.Entry) -> Result<ArticleDate, Diagnostic> {
        { entry in
            fields.string(entry).flatMap { text in
                let problem = { (message: String, hint: String) in
                    Result<ArticleDate, Diagnostic>.failure(
                        Diagnostic(
                            file: fields.file, line: entry.line, column: entry.column,
                            message: message, hint: hint))
                }
                let updated: ArticleDate
                do throws(ArticleDateParser.Failure) {
                    updated = try ArticleDateParser.parse(text.trimmingWhitespace(), in: config.timeZone)
                } catch {
                    return problem(
                        "invalid 'updated' date: \(error.reason)",
                        "write when the article last changed, like 'date:', e.g. 'updated: \"2019-02-14T10:00:00+08:00\"'")
                }
                if let published, updated < published {
                    return problem(
                        "'updated' (\(updated.iso8601)) is before 'date' (\(published.iso8601))",
                        "an update comes after the article was published: check both dates")
                }
                return .success(updated)
            }
        }
    }

    /// `quotes:` is a list of `{speaker, text}` pairs.
    func frontMatterQuotes(_ fields: YAMLFields) -> (YAMLFields.Entry) -> Result<[AttributedQuote], Diagnostic> {
        { entry in
            guard let items = entry.value.sequence else {
                return .failure(fields.wrongType(entry, expected: "a list of 'speaker:' and 'text:' pairs"))
            }
            var quotes: [AttributedQuote] = []
            for item in items {
                let line = (item.mark?.line ?? 1) + fields.firstLine - 1
                guard let mapping = item.mapping,
                    let speaker = mapping["speaker"]?.string.flatMap(Self.nonEmpty),
                    let text = mapping["text"]?.string.flatMap(Self.nonEmpty)
                else {
                    return .failure(
                        Diagnostic(
                            file: fields.file, line: line, column: item.mark?.column,
                            message: "each quote needs 'speaker:' and 'text:'",
                            hint: "write '- speaker: Hua Chunying' and '  text: \"…\"'"))
                }
                quotes.append(AttributedQuote(text: text, speaker: speaker, line: line))
            }
            return .success(quotes)
        }
    }

    static func cleaned(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.compactMap { value in
            let trimmed = value.trimmingWhitespace()
            guard !trimmed.isEmpty, seen.insert(TermKey.normalize(trimmed)).inserted else { return nil }
            return trimmed
        }
    }

    static func nonEmpty(_ value: String) -> String? {
        let trimmed = value.trimmingWhitespace()
        return trimmed.isEmpty ? nil : trimmed
    }
}
