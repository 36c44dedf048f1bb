import Foundation

/// An article file an import makes, before it touches the disk.
public struct ArticleFile: Sendable, Hashable {
    /// Relative to the site folder: `Content/2019/02/2019-02-13-china-urges-….md`.
    public var path: String
    public var text: String
    /// Line of the empty `section: ""` when the copy named no section and the file is a draft
    /// for the editor to finish; nil when the section is set.
    public var missingSectionLine: Int?
    /// The page the file will have once built (`2019/02/13/china-urges-…/`).
    public var address = SitePath.root
}

/// Turns `WireCopy` into the Markdown file for `Content/`, or says why it cannot.
///
/// Title and date are required by `digest build`, so a copy without one is refused (an error
/// naming what is missing) rather than written as a file that breaks the next build. The date is
/// never guessed. A copy without a section is written as a `draft: true` with an empty
/// `section: ""` for the editor to fill: a scraped batch then needs no second import, and
/// builds leave such a draft out until its section is set. A missing source is a warning.
/// `tags` is written empty and no `summary` is written: both are the editor's call.
public struct ArticleFileWriter: Sendable {
    /// The zone the `Published:` time is read in: the site's, or `--timezone`.
    public var timeZone: TimeZone
    /// `--section`: used instead of `Posted in:`.
    public var section: String?
    /// The site's `permalink:`, to tell each written file's address.
    public var permalink: Permalink
    /// `--language`: written as `language:` (copy in another language than the site's).
    public var language: String?

    public init(timeZone: TimeZone, section: String? = nil, permalink: Permalink = .default) {
        self.timeZone = timeZone
        self.section = section
        self.permalink = permalink
    }

    public struct Outcome: Sendable {
        public var file: ArticleFile?
        public var diagnostics: [Diagnostic]
    }

    /// `input` names the wire copy in diagnostics.
    public func write(_ copy: WireCopy, input: String) -> Outcome {
        var diagnostics: [Diagnostic] = []
        func error(_ message: String, hint: String) {
            diagnostics.append(Diagnostic(file: input, message: message, hint: hint))
        }
        if copy.title == nil {
            error(
                "no title: the first line is not a headline",
                hint: "put the headline on the first line, above 'Source: … Published: …'")
        }
        var date: ArticleDate?
        if let published = copy.published {
            do {
                date = try ArticleDateParser.parse(published, in: timeZone)
            } catch {
                diagnostics.append(
                    Diagnostic(
                        file: input, message: "the Published date cannot be read: \(error.reason)",
                        hint: "fix the 'Published:' line in the wire copy"))
            }
        } else {
            error(
                "no date: there is no 'Published:' line, and the date is never guessed",
                hint: "add a line like 'Source: Xinhua Published: 2019/2/13 9:15:25' under the headline")
        }
        let section = self.section ?? copy.section
        if copy.source == nil {
            diagnostics.append(
                .warning(
                    file: input, message: "no source: there is no 'Source:' line; the article is written without one",
                    hint: "add 'source:' to the front matter if you know it"))
        }
        if copy.paragraphs.isEmpty {
            diagnostics.append(.warning(file: input, message: "no body text was found under the headline"))
        }
        guard let title = copy.title, let date, !diagnostics.hasErrors else {
            return Outcome(file: nil, diagnostics: diagnostics)
        }
        var frontMatter = ArticleFrontMatter(
            title: title, date: date, source: copy.source, section: section,
            speakers: SpeakerFinder.speakers(in: copy.paragraphs), draft: section == nil)
        frontMatter.language = language
        let yaml: String
        do {
            yaml = try frontMatter.yaml()
        } catch {
            return Outcome(file: nil, diagnostics: diagnostics + [Diagnostic(file: input, message: "cannot write the front matter: \(error)")])
        }
        let body = copy.paragraphs.map(MarkdownEscaper.escape).joined(separator: "\n\n")
        var file = ArticleFile(path: Self.path(title: title, date: date), text: "---\n\(yaml)---\n\n\(body)\n")
        file.address = permalink.address(ofFile: file.path, day: date.day, section: section ?? "")
        if section == nil {
            file.missingSectionLine = file.text.split(separator: "\n", omittingEmptySubsequences: false)
                .firstIndex(of: "section: \"\"").map { $0 + 1 }
        }
        return Outcome(file: file, diagnostics: diagnostics)
    }

    /// `Content/2019/02/2019-02-13-<slug>.md`, dated by the day in the site's zone.
    static func path(title: String, date: ArticleDate) -> String {
        let slug = Slug.make(title)
        let day = date.day
        return "Content/\(day.year)/\(CivilDate.pad(day.month, 2))/\(day.id)-\(slug.isEmpty ? "article" : slug).md"
    }
}
