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

    /// Where `articles` go and how they group, without the site made of them.
    func layout(_ articles: [Article]) -> (layout: SiteLayout, diagnostics: [Diagnostic]) {
        // Newest first; ties broken by path so output never depends on load order.
        // Indices are sorted, not the articles: moving large values about showed in rebuilds.
        let order = articles.indices.sorted { lhs, rhs in
            let (left, right) = (articles[lhs].date.instant, articles[rhs].date.instant)
            return left != right ? left > right : articles[lhs].sourcePath < articles[rhs].sourcePath
        }
        let sorted = order.map { articles[$0] }
        // The Unicode work (term keys, title slugs) runs on every core; allocation is serial.
        let keys = sorted.parallelMap { $0.keys ?? ArticleKeys($0) }
        var diagnostics: [Diagnostic] = []
        let (configuredSections, sectionIndices) = terms(
            sorted.map { [$0.section] }, keys: keys.map { [$0.section] },
            folder: "sections", order: config.sections.map(\.id))
        let articlePaths = self.articlePaths(
            sorted, sectionSlugs: sectionIndices.map { configuredSections[$0[0]].slug },
            diagnostics: &diagnostics)
        let sections = configuredSections.map { term -> Term in
            var term = term
            term.name = config.sectionTitle(term.name)
            return term
        }
        let (tags, tagIndices) = terms(sorted.map(\.tags), keys: keys.map(\.tags), folder: "tags", order: nil)
        var (speakers, speakerIndices) = terms(sorted.map(\.speakers), keys: keys.map(\.speakers), folder: "speakers", order: nil)

        // Days, weeks and years, newest first, cut in the site's time zone.
        var dayOrder: [CivilDate] = []
        var dayArticles: [CivilDate: [Int]] = [:]
        for (index, article) in sorted.enumerated() {
            if dayArticles[article.date.day] == nil { dayOrder.append(article.date.day) }
            dayArticles[article.date.day, default: []].append(index)
        }
        let weekOrder = Array(FirstSeenOrder(dayOrder.map(\.isoWeek)))
        let weekPosition = Dictionary(uniqueKeysWithValues: weekOrder.enumerated().map { ($1, $0) })
        let yearOrder = Array(FirstSeenOrder(weekOrder.map(\.year)))
        let yearPosition = Dictionary(uniqueKeysWithValues: yearOrder.enumerated().map { ($1, $0) })

        let days = dayOrder.map { date in
            DayGroup(
                date: date, path: SitePath(["days", date.id]), articles: dayArticles[date]!,
                weekIndex: weekPosition[date.isoWeek]!)
        }
        var weeks = weekOrder.map { week in
            WeekGroup(
                week: week, path: Site.weekPath(week), articles: [], days: [],
                yearIndex: yearPosition[week.year]!)
        }
        for (dayIndex, day) in days.enumerated().reversed() {
            weeks[day.weekIndex].days.append(dayIndex)
        }
        for day in days { weeks[day.weekIndex].articles += day.articles }
        var years = yearOrder.map { YearGroup(year: $0, path: SitePath(["years", String($0)]), weeks: []) }
        for (weekIndex, week) in weeks.enumerated() { years[week.yearIndex].weeks.append(weekIndex) }

        let dayPosition = Dictionary(uniqueKeysWithValues: dayOrder.enumerated().map { ($1, $0) })
        let speakerPosition = lookup(speakers)
        for (articleIndex, article) in sorted.enumerated() {
            for quoteIndex in article.quotes.indices {
                speakers[speakerPosition[keys[articleIndex].quoteSpeakers[quoteIndex]]!].quotes
                    .append(QuoteReference(article: articleIndex, quote: quoteIndex))
            }
        }
        let placements = sorted.enumerated().map { index, article in
            SiteLayout.Placement(
                article: order[index],
                path: articlePaths[index],
                sectionIndex: sectionIndices[index][0],
                tagIndices: tagIndices[index],
                speakerIndices: speakerIndices[index],
                dayIndex: dayPosition[article.date.day]!,
                weekIndex: weekPosition[article.date.day.isoWeek]!)
        }
        let layout = SiteLayout(
            placements: placements, days: days, weeks: weeks, years: years,
            sections: sections, tags: tags, speakers: speakers)
        return (layout, diagnostics)
    }

    /// Each article's page folder, from `permalink:` and its `slug:`, or its file's name, date
    /// and section. An address depends on nothing but the article itself, so adding, removing
    /// or retitling one moves no other; two that would share one are an error naming both.
    private func articlePaths(_ sorted: [Article], sectionSlugs: [String], diagnostics: inout [Diagnostic]) -> [SitePath] {
        var owners: [SitePath: String] = [:]
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
            if let first = path.components.first, Permalink.reservedFolders.contains(first) {
                diagnostics.append(
                    Diagnostic(
                        file: article.sourcePath, line: line,
                        message: "the address /\(path.folder) is inside the folder of the site's \(first) pages",
                        hint: "rename the file or set another 'slug:'"))
            } else if let owner = owners[path] {
                diagnostics.append(
                    Diagnostic(
                        file: article.sourcePath, line: line,
                        message: "/\(path.folder) is also the address of \(owner)",
                        hint: "rename one of the two files or give one a different 'slug:'; addresses are never renumbered"))
            } else {
                owners[path] = article.sourcePath
            }
            paths[index] = path
        }
        return paths
    }

    /// Groups names by `TermKey`; the first spelling met (newest article) is the one shown.
    /// `order` lists keys that come first, in that order; the rest follow alphabetically.
    /// Also gives, for each article, the positions of its terms in the result.
    private func terms(
        _ namesPerArticle: [[String]], keys keysPerArticle: [[String]], folder: String,
        order: [String]?
    ) -> (terms: [Term], positions: [[Int]]) {
        // Terms are numbered as first met, then sorted; articles keep the numbers meanwhile,
        // so no article's keys are looked up a second time.
        var numbers: [String: Int] = [:]
        var found: [Term] = []
        var numbersPerArticle: [[Int]] = []
        numbersPerArticle.reserveCapacity(namesPerArticle.count)
        for (index, names) in namesPerArticle.enumerated() {
            var own: [Int] = []
            own.reserveCapacity(names.count)
            for (name, key) in zip(names, keysPerArticle[index]) {
                let number: Int
                if let known = numbers[key] {
                    number = known
                } else {
                    number = found.count
                    numbers[key] = number
                    found.append(Term(key: key, name: name, slug: "", path: .root, articles: []))
                }
                found[number].articles.append(index)
                own.append(number)
            }
            numbersPerArticle.append(own)
        }
        let configured = (order ?? []).map(TermKey.normalize)
        let rank = Dictionary(configured.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let sorted = found.indices.sorted { lhs, rhs in
            let (left, right) = (found[lhs].key, found[rhs].key)
            switch (rank[left], rank[right]) {
            case let (l?, r?): return l < r
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return left < right
            }
        }
        var position = [Int](repeating: 0, count: found.count)
        for (place, number) in sorted.enumerated() { position[number] = place }
        // Slugs are claimed in key order, which does not depend on article order.
        var allocator = SlugAllocator(fallback: String(folder.dropLast()))
        let terms = sorted.map { number in
            var term = found[number]
            term.slug = allocator.claim(term.key)
            term.path = SitePath([folder, term.slug])
            return term
        }
        return (terms, numbersPerArticle.map { $0.map { position[$0] } })
    }

    private func lookup(_ terms: [Term]) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: terms.enumerated().map { ($1.key, $0) })
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
