/// Builds the `Site` model from parsed articles: sorts, groups and gives every page its URL.
public struct SiteIndexer: Sendable {
    public var config: SiteConfig

    public init(config: SiteConfig) {
        self.config = config
    }

    /// Indexes `articles`. Two articles whose addresses (`permalink:`) would be the same are an
    /// error naming both files; nothing is ever renumbered.
    public func index(_ articles: [Article]) -> (site: Site, diagnostics: [Diagnostic]) {
        let (layout, diagnostics) = layout(articles)
        return (Site(config: config, articles: articles, layout: layout), diagnostics)
    }

    /// Where `articles` go and how they group, without the site made of them. Each edition
    /// (language, `SiteConfig.editionLanguages`) is grouped on its own: its articles come
    /// together in the site's order, its days, weeks, years, sections, tags and speakers are
    /// its own, under its folder (`zh/weeks/2019-W07/`). A site of one language is one edition.
    func layout(_ articles: [Article]) -> (layout: SiteLayout, diagnostics: [Diagnostic]) {
        let editionLanguages = config.editionLanguages
        let editionOf = articles.map { editionLanguages.count > 1 ? config.edition(of: $0.language) : 0 }
        // By edition, then newest first; ties broken by path so output never depends on load
        // order. Indices are sorted, not the articles: moving large values about showed in rebuilds.
        let order = articles.indices.sorted { lhs, rhs in
            if editionOf[lhs] != editionOf[rhs] { return editionOf[lhs] < editionOf[rhs] }
            let (left, right) = (articles[lhs].date.instant, articles[rhs].date.instant)
            return left != right ? left > right : articles[lhs].sourcePath < articles[rhs].sourcePath
        }
        let sorted = order.map { articles[$0] }
        // The Unicode work (term keys, title slugs) runs on every core; allocation is serial.
        let keys = sorted.parallelMap { $0.keys ?? ArticleKeys($0) }
        var diagnostics: [Diagnostic] = []
        // Section slugs do not depend on the edition: a section's slug is its key's.
        let (sectionTerms, sectionIndices) = terms(
            sorted.map { [$0.section] }, keys: keys.map { [$0.section] }, folder: "sections", order: config.sections.map(\.id))
        let articlePaths = self.articlePaths(
            sorted, sectionSlugs: sectionIndices.map { sectionTerms[$0[0]].slug }, editions: order.map { editionOf[$0] },
            diagnostics: &diagnostics)
        var layout = SiteLayout(placements: [], days: [], weeks: [], years: [], sections: [], tags: [], speakers: [])
        var start = 0
        for (edition, language) in editionLanguages.enumerated() {
            var end = start
            while end < sorted.count && editionOf[order[end]] == edition { end += 1 }
            let prefix = edition == 0 ? SitePath.root : SitePath([language])
            var part = group(
                Array(sorted[start..<end]), keys: Array(keys[start..<end]), language: language, prefix: prefix)
            for index in part.placements.indices {
                part.placements[index].article = order[start + index]
                part.placements[index].path = articlePaths[start + index]
            }
            layout.append(part, edition: Site.Edition(language: language, prefix: prefix), articleOffset: start)
            start = end
        }
        if editionLanguages.count == 1 { layout.editions = [] }
        return (layout, diagnostics)
    }

    /// Each article's page folder, from `permalink:` and its `slug:`, or its file's name, date
    /// and section. An address depends on nothing but the article itself, so adding, removing
    /// or retitling one moves no other; two that would share one are an error naming both.
    private func articlePaths(_ sorted: [Article], sectionSlugs: [String], editions: [Int], diagnostics: inout [Diagnostic]) -> [SitePath] {
        var owners: [SitePath: (file: String, edition: Int)] = [:]
        let languages = config.editionLanguages
        // The other editions' folders (`zh/`) hold their listing pages.
        let editionFolders = Set(languages.dropFirst())
        // Reported in path order, so the same two files always give the same message.
        let byPath = sorted.indices.sorted { sorted[$0].sourcePath < sorted[$1].sourcePath }
        var paths = [SitePath](repeating: .root, count: sorted.count)
        for index in byPath {
            let article = sorted[index]
            let slug: String
            if let requested = article.requestedSlug {
                slug = Slug.make(requested)
                if slug.isEmpty {
                    // Errors carry the line of `slug:`, like every other front matter error.
                    diagnostics.append(
                        Diagnostic(
                            file: article.sourcePath, line: article.requestedSlugLine,
                            message: "the slug '\(requested)' has no letters or digits",
                            hint: "use letters, digits and dashes"))
                    continue
                }
            } else {
                slug = Permalink.fileSlug(article.sourcePath)
                if slug.isEmpty {
                    diagnostics.append(
                        Diagnostic(
                            file: article.sourcePath,
                            message: "the file's name gives the article no address",
                            hint: "name the file after the story (2019-02-13-talks-resume.md) or set 'slug:'"))
                    continue
                }
            }
            let path = config.permalink.path(day: article.date.day, sectionSlug: sectionSlugs[index], slug: slug)
            let line = article.requestedSlug == nil ? nil : article.requestedSlugLine
            if let first = path.components.first, Permalink.reservedFolders.contains(first) || editionFolders.contains(first) {
                diagnostics.append(
                    Diagnostic(
                        file: article.sourcePath, line: line,
                        message: "the address /\(path.folder) is inside the folder of the site's \(first) pages",
                        hint: "rename the file or set another 'slug:'"))
            } else if let owner = owners[path] {
                // Article pages of every language share one set of addresses: say so when the
                // two are in different languages, where a clash is least expected.
                let languagesApart =
                    owner.edition == editions[index]
                    ? "" : " (in \(languages[owner.edition]); articles of every language share the site's addresses)"
                diagnostics.append(
                    Diagnostic(
                        file: article.sourcePath, line: line,
                        message: "/\(path.folder) is also the address of \(owner.file)\(languagesApart)",
                        hint: "rename one of the two files or give one a different 'slug:'; addresses are never renumbered"))
            } else {
                owners[path] = (article.sourcePath, editions[index])
            }
            paths[index] = path
        }
        return paths
    }
}

/// Unique elements in first-seen order.
struct FirstSeenOrder<Element: Hashable>: Sequence {
    private let elements: [Element]

    init(_ source: [Element]) {
        var seen = Set<Element>()
        elements = source.filter { seen.insert($0).inserted }
    }

    func makeIterator() -> IndexingIterator<[Element]> { elements.makeIterator() }
}
