/// `sitemap.xml` (every public page, with when its newest article last changed) and `robots.txt`.
struct Sitemap: Sendable {
    let site: Site
    let urls: AbsoluteURLs?

    func render(_ jobs: [PageJob]) -> String? {
        guard let urls else { return nil }
        let groups = site.translationGroups()
        // The xhtml namespace only where translations use it, so other sitemaps stay as they were.
        let namespaces = groups.isEmpty ? "" : " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"\(namespaces)>\n"
        for job in jobs where job.kind != .notFound {
            xml += "<url><loc>\(XMLText.escape(urls.url(job.path)))</loc>"
            if let newest = newestArticle(job.kind) {
                xml += "<lastmod>\(site.articles[newest].article.lastChanged.iso8601)</lastmod>"
            }
            if case let .article(index) = job.kind, let key = site.articles[index].article.translationKey, let group = groups[key] {
                xml += alternates(group, urls: urls)
            }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }

    /// Every translation of a page, itself included, and the one for other languages, as
    /// search engines read them from a sitemap.
    func alternates(_ group: [Int], urls: AbsoluteURLs) -> String {
        let links = group.map { (site.language(of: site.articles[$0].article), $0) } + [("x-default", site.defaultTranslation(group))]
        return links.map { language, member in
            "<xhtml:link rel=\"alternate\" hreflang=\"\(XMLText.escape(language))\" href=\"\(XMLText.escape(urls.url(site.articles[member].path)))\"/>"
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
