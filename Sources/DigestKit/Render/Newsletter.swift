/// Each ISO week's newsletter issue, written beside the week page: `newsletter.html` (one
/// self-contained file to paste into an email tool: inline styles, table layout, no scripts) and
/// `newsletter.txt` (its plain-text part), rendered through the theme's `newsletter` and
/// `newsletter-text` templates.
///
/// Email is read far from the site, so links are absolute when the site has a base URL. Without
/// one they are relative to the week page (they work only from the built site), and
/// `BuildSummary.line` says so.
public struct Newsletter: Sendable {
    public static let htmlName = "newsletter.html"
    public static let textName = "newsletter.txt"
    /// Plain-text summaries are wrapped at this many characters, as mail clients expect.
    static let textWidth = 72

    let site: Site
    let templates: TemplateSet
    let urls: AbsoluteURLs?
    /// The site's language's words.
    let words: Localization

    init(site: Site, templates: TemplateSet) {
        self.site = site
        self.templates = templates
        self.urls = AbsoluteURLs(baseURL: site.config.baseURL)
        words = templates.strings.localization(site.config.language)
    }

    /// `weeks/2019-W07/newsletter.html`, relative to the output folder.
    public static func htmlFile(_ week: ISOWeek) -> String { Site.weekPath(week).folder + htmlName }

    /// `weeks/2019-W07/newsletter.txt`, relative to the output folder.
    public static func textFile(_ week: ISOWeek) -> String { Site.weekPath(week).folder + textName }

    /// Both files of a week, HTML first.
    static func files(_ week: ISOWeek) -> [String] { [htmlFile(week), textFile(week)] }

    /// Both files of the week whose page is `page` (`zh/weeks/2019-W07/` in another language).
    static func files(at page: SitePath) -> [String] { [page.folder + htmlName, page.folder + textName] }

    /// Both files of each of the weeks asked for (indices into `Site.weeks`).
    func files(weeks: [Int]) -> [OutputFile] {
        weeks.parallelMap(render).flatMap { $0 }
    }

    /// Both files of week `index`: the HTML with as many leading articles per section as keep
    /// it within `newsletter.max_bytes` (and `lead_articles`), the text listing the same ones.
    func render(_ index: Int) -> [OutputFile] {
        let files = Self.files(at: site.weeks[index].path)
        let settings = site.config.newsletter
        let issue = Issue(self, week: index)
        let most = min(issue.largestSection, settings.leadArticles ?? .max)
        let fitted = NewsletterFit.fit(most: most, maxBytes: settings.maxBytes) { leads in
            templates.render(issue.context(leads: leads), template: "newsletter")
        }
        return [
            .text(files[0], fitted.html),
            .text(files[1], templates.render(issue.context(leads: fitted.leads), template: "newsletter-text")),
        ]
    }

    /// Stands for everything `Issue` is made from: the week, and each of its articles' fields
    /// and placement, section names and pages (the week page's section anchors come from
    /// them). The settings, `newsletter:` included, and the templates are in `seed`; the number
    /// of articles that fit the byte limit follows from all of these. Cheaper than the context.
    func fingerprint(_ index: Int, seed: UInt64) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(seed)
        hasher.combine(site.weeks[index].week.id)
        for article in site.weeks[index].articles {
            site.articles[article].combineFingerprint(into: &hasher, site: site, body: false)
        }
        return hasher.finalize()
    }

    func article(_ index: Int, from page: SitePath) -> [String: Any] {
        let placed = site.articles[index]
        let article = placed.article
        let speakers = placed.speakerIndices.map { site.speakers[$0] }
        var values: [String: Any] = [
            "title": article.title,
            "url": link(placed.path, from: page),
            "datetime": article.date.iso8601,
            "time": article.date.clock,
            "date_text": words.longDate(article.date.day),
            "section": site.sections[placed.sectionIndex].name,
            "draft": article.isDraft,
            "future": article.date.instant > site.buildInstant,
            "updated": article.updated != nil,
            "speakers": speakers.map { ["name": $0.name, "url": link($0.path, from: page)] },
            "speaker_names": speakers.map(\.name).joined(separator: ", "),
        ]
        if let source = article.source { values["source"] = source }
        if let summary = article.summary {
            values["summary"] = summary
            values["summary_text"] = Self.wrap(summary, width: Self.textWidth)
        }
        return values
    }

    /// Absolute with a base URL; otherwise relative to the week page the files sit beside.
    func link(_ target: SitePath, from page: SitePath) -> String {
        if let urls { return urls.url(target) }
        return page.link(to: target, indexFiles: site.config.linkIndexFiles)
    }

    /// Greedy word wrap; a word longer than the width (a URL) stays whole on its own line.
    static func wrap(_ text: String, width: Int) -> String {
        var text = text
        // ASCII text (most of an English digest) is wrapped on bytes: telling Characters apart
        // and asking each whether it is white space was most of the plain-text newsletter's
        // time. In ASCII a character is a byte, and its white space is 0x09...0x0D and 0x20.
        let ascii = text.withUTF8 { bytes in bytes.allSatisfy { $0 < 0x80 } ? wrapASCII(bytes, width: width) : nil }
        return ascii ?? wrapCharacters(text, width: width)
    }

    static func wrapASCII(_ bytes: UnsafeBufferPointer<UInt8>, width: Int) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / max(width, 1) + 1)
        var length = 0
        var index = 0
        let count = bytes.count
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte &- 0x09 < 5 }
        while index < count {
            while index < count && isSpace(bytes[index]) { index += 1 }
            let start = index
            while index < count && !isSpace(bytes[index]) { index += 1 }
            let wordLength = index - start
            guard wordLength > 0 else { break }
            if length == 0 {
                length = wordLength
            } else if length + 1 + wordLength <= width {
                out.append(0x20)
                length += 1 + wordLength
            } else {
                out.append(0x0A)
                length = wordLength
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `wrap` by Characters, for text that is not all ASCII.
    static func wrapCharacters(_ text: String, width: Int) -> String {
        var lines: [String] = []
        var line = ""
        // The line's length in characters, kept as it grows: counting it again for every word
        // walks the whole line each time.
        var length = 0
        for word in text.split(whereSeparator: \.isWhitespace) {
            let wordLength = word.count
            if line.isEmpty {
                line = String(word)
                length = wordLength
            } else if length + 1 + wordLength <= width {
                line += " " + word
                length += 1 + wordLength
            } else {
                lines.append(line)
                line = String(word)
                length = wordLength
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }
}
