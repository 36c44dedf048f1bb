/// `sitemap.xml` (every public page, with when its newest article last changed) and `robots.txt`.
struct Sitemap: Sendable {
    let site: Site
    let urls: AbsoluteURLs?

    /// Every page of each of `editions` (the site's own for a site in one language).
    func render(_ editions: [Site]) -> String? {
        guard let urls else { return nil }
        let groups = EditionLinks.translations(of: site)
        // The xhtml namespace only where translations use it, so other sitemaps stay as they were.
        let namespaces = groups.isEmpty && !site.isMultilingual ? "" : " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"\(namespaces)>\n"
        for edition in editions {
            let sitemap = Sitemap(site: edition, urls: urls)
            for job in edition.pageJobs() where job.kind != .notFound {
                xml += "<url><loc>\(XMLText.escape(urls.url(job.path)))</loc>"
                if let newest = sitemap.newestArticle(job.kind) {
                    xml += "<lastmod>\(edition.articles[newest].article.lastChanged.iso8601)</lastmod>"
                }
                if case let .article(index) = job.kind, let key = edition.articles[index].article.translationKey, let group = groups[key] {
                    xml += alternates(group, urls: urls)
                } else if let links = edition.links, job.kind != .notFound {
                    xml += alternates(listing: links.counterparts(of: job, in: edition), links: links, urls: urls)
                }
                xml += "</url>\n"
            }
        }
        return xml + "</urlset>\n"
    }

    /// Every translation of a page, itself included, and the one for other languages, as
    /// search engines read them from a sitemap.
    func alternates(_ group: (members: [EditionLinks.Translation], standIn: Int), urls: AbsoluteURLs) -> String {
        let links = group.members.map { ($0.language, $0.path) } + [("x-default", group.members[group.standIn].path)]
        return links.map { language, path in
            "<xhtml:link rel=\"alternate\" hreflang=\"\(XMLText.escape(language))\" href=\"\(XMLText.escape(urls.url(path)))\"/>"
        }.joined()
    }

    /// A listing page's counterparts in the other languages (the same week, section, speaker…),
    /// when it has any, with the default language's standing for the others.
    func alternates(listing counterparts: [SitePath?], links: EditionLinks, urls: AbsoluteURLs) -> String {
        var paired = zip(links.languages, counterparts).compactMap { language, path in path.map { (language, $0) } }
        guard paired.count > 1 else { return "" }
        if let standIn = counterparts[0] { paired.append(("x-default", standIn)) }
        return paired.map { language, path in
            "<xhtml:link rel=\"alternate\" hreflang=\"\(XMLText.escape(language))\" href=\"\(XMLText.escape(urls.url(path)))\"/>"
        }.joined()
    }

    func robots() -> String {
        var text = "User-agent: *\nAllow: /\n"
        if let urls { text += "Sitemap: \(urls.url(file: "sitemap.xml"))\n" }
        return text
    }

    /// The newest article a page shows; articles are sorted newest first, so it is the smallest index.
    func newestArticle(_ kind: PageJob.Kind) -> Int? {
        switch kind {
        case .home, .archive, .tagIndex, .speakerIndex, .search: return site.articles.indices.first
        case .notFound: return nil
        case let .article(index): return index
        case let .day(index): return site.days[index].articles.first
        case let .week(index): return site.weeks[index].articles.first
        case let .year(index): return site.years[index].weeks.first.flatMap { site.weeks[$0].articles.first }
        case let .section(index, page): return site.slice(site.sections[index].articles, page: page).first
        case let .tag(index, page): return site.slice(site.tags[index].articles, page: page).first
        case let .speaker(index, page): return site.slice(site.speakers[index].articles, page: page).first
        }
    }
}
