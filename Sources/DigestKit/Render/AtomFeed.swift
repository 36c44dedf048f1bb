import Foundation

/// Atom 1.0 feeds (RFC 4287): one for the site, each section, tag, speaker and ISO week.
///
/// Entries carry the summary and the full body; the body's relative links keep working in feed
/// readers through `xml:base`, set to the article's absolute URL.
struct AtomFeed: Sendable {
    static let fileName = "feed.xml"
    /// Newest entries per feed; a week's feed always holds the whole week.
    static let entryLimit = 50

    let site: Site
    let urls: AbsoluteURLs
    /// The site's language's words, for week feeds' titles.
    let words: Localization

    /// A feed file to write: its path and the articles it holds (newest first).
    struct Spec: Sendable {
        var title: String
        var page: SitePath
        var articles: [Int]
        /// The language edition the feed is of (`Site.editionSite`), whose articles these are.
        var edition = 0

        var file: String { page.folder + AtomFeed.fileName }
    }

    /// Every feed of the site.
    func specs() -> [Spec] {
        let title = site.config.title
        var specs = [Spec(title: title, page: site.prefix, articles: Array(site.articles.indices.prefix(Self.entryLimit)))]
        for term in site.sections {
            specs.append(Spec(title: "\(term.name) · \(title)", page: term.path, articles: Array(term.articles.prefix(Self.entryLimit))))
        }
        for term in site.tags {
            specs.append(Spec(title: "\(term.name) · \(title)", page: term.path, articles: Array(term.articles.prefix(Self.entryLimit))))
        }
        for term in site.speakers {
            specs.append(Spec(title: "\(term.name) · \(title)", page: term.path, articles: Array(term.articles.prefix(Self.entryLimit))))
        }
        for week in site.weeks {
            specs.append(Spec(title: "\(words.weekTitle(week.week)) · \(title)", page: week.path, articles: week.articles))
        }
        for index in specs.indices { specs[index].edition = site.edition }
        return specs
    }

    func render(_ spec: Spec) -> String {
        // The newest change of any entry: an update to an older article counts too.
        let updated = spec.articles.map { site.articles[$0].article.lastChanged }.max().map(\.iso8601) ?? "1970-01-01T00:00:00Z"
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(XMLText.escape(site.config.language))">
            <title>\(XMLText.escape(spec.title))</title>

            """
        if !site.config.description.isEmpty {
            xml += "<subtitle>\(XMLText.escape(site.config.description))</subtitle>\n"
        }
        xml += """
            <id>\(XMLText.escape(urls.url(file: spec.file)))</id>
            <link rel="self" type="application/atom+xml" href="\(XMLText.escape(urls.url(file: spec.file)))"/>
            <link rel="alternate" type="text/html" href="\(XMLText.escape(urls.url(spec.page)))"/>
            <updated>\(updated)</updated>
            <author><name>\(XMLText.escape(site.config.title))</name></author>
            <generator>Digest</generator>

            """
        for index in spec.articles { xml += entry(site.articles[index]) }
        xml += "</feed>\n"
        return xml
    }

    private func entry(_ placed: PlacedArticle) -> String {
        let article = placed.article
        let url = XMLText.escape(urls.url(placed.path))
        var xml = """
            <entry>
            <title type="text">\(XMLText.escape(article.title))</title>
            <link rel="alternate" type="text/html" href="\(url)"/>
            <id>\(XMLText.escape(entryID(article)))</id>
            <published>\(article.date.iso8601)</published>
            <updated>\(article.lastChanged.iso8601)</updated>

            """
        if let source = article.source {
            xml += "<author><name>\(XMLText.escape(source))</name></author>\n"
        }
        xml += "<category term=\"\(XMLText.escape(site.sections[placed.sectionIndex].name))\"/>\n"
        for tag in placed.tagIndices {
            xml += "<category term=\"\(XMLText.escape(site.tags[tag].name))\"/>\n"
        }
        if let summary = article.summary {
            xml += "<summary type=\"text\">\(XMLText.escape(summary))</summary>\n"
        }
        xml += "<content type=\"html\" xml:base=\"\(url)\">\(XMLText.escape(article.bodyHTML))</content>\n</entry>\n"
        return xml
    }
}

extension AtomFeed {
    /// An entry's `<id>`, which feed readers use to tell entries apart: the article's `id:`,
    /// or a `tag:` URI (RFC 4151) from the site's host, the day it was first published and its
    /// file's name. Neither the headline nor the address is in it, so a corrected headline or
    /// a moved page is the same entry, not a new one.
    func entryID(_ article: Article) -> String {
        if let id = article.feedID { return id }
        let host = URLComponents(string: urls.base)?.host ?? "localhost"
        let name = Permalink.fileName(article.sourcePath)
        let specific = name.addingPercentEncoding(withAllowedCharacters: Self.tagSpecificAllowed) ?? name
        return "tag:\(host),\(article.date.day.id):\(specific)"
    }

    /// Unreserved URI characters, which a tag URI's specific part may hold unescaped.
    static let tagSpecificAllowed = CharacterSet(
        charactersIn:
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")

    /// Stands for everything `render(spec)` reads: the feed's title and place, and each entry's
    /// source file (which decides its text) and placement.
    func fingerprint(_ spec: Spec, seed: UInt64) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(seed)
        hasher.combine(spec.title)
        hasher.combine(spec.file)
        for index in spec.articles { site.articles[index].combineFingerprint(into: &hasher, site: site) }
        return hasher.finalize()
    }
}
