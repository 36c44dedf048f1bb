/// A site in several languages (`languages:` in `site.yml`) is several editions in one: each
/// language has its own home, days, weeks, years, sections, tags and speakers (the default
/// language's at the root, the others' under `/<language>/`), while article pages of every
/// language share the site's addresses. Every group of `Site` belongs to one edition, and an
/// edition's groups and articles are neighbours in their lists, so an edition is a set of ranges.
extension Site {
    public struct Edition: Sendable, Equatable {
        public var language: String
        /// `zh/`, where the edition's pages are; the root for the default language.
        public var prefix: SitePath
        public var articles: Range<Int> = 0..<0
        public var days: Range<Int> = 0..<0
        public var weeks: Range<Int> = 0..<0
        public var years: Range<Int> = 0..<0
        public var sections: Range<Int> = 0..<0
        public var tags: Range<Int> = 0..<0
        public var speakers: Range<Int> = 0..<0

        public init(language: String, prefix: SitePath) {
            self.language = language
            self.prefix = prefix
        }
    }

    /// Whether the site is published in more than one language.
    public var isMultilingual: Bool { !editions.isEmpty }

    /// The number of editions: one for a site in one language.
    public var editionCount: Int { max(1, editions.count) }

    /// A fixed page (`archive/`) of this site's edition: under its folder.
    public func fixedPath(_ path: SitePath) -> SitePath {
        prefix.components.isEmpty ? path : SitePath(prefix.components + path.components)
    }

    /// Edition `index` as a site of its own: its articles and groups alone, numbered from zero,
    /// in its language, with what it needs of the others (`EditionLinks`). A site in one
    /// language is its own single edition.
    ///
    /// Its `config.language` is the edition's, the language its pages are written in, so the
    /// renderer, feeds and newsletter need no other; the editions themselves are the whole
    /// site's to ask (`editions`, `EditionLinks.languages`), not this config's.
    public func editionSite(_ index: Int) -> Site {
        guard isMultilingual else { return self }
        let edition = editions[index]
        let (a, d, w, y) = (edition.articles.lowerBound, edition.days.lowerBound, edition.weeks.lowerBound, edition.years.lowerBound)
        let (s, t, p) = (edition.sections.lowerBound, edition.tags.lowerBound, edition.speakers.lowerBound)
        func shift(_ term: Term, by offset: Int) -> Term {
            var term = term
            term.articles = term.articles.map { $0 - offset }
            term.quotes = term.quotes.map { QuoteReference(article: $0.article - offset, quote: $0.quote) }
            return term
        }
        var config = config
        config.language = edition.language
        var site = Site(
            config: config,
            articles: articles[edition.articles].map { placed in
                var placed = placed
                placed.sectionIndex -= s
                placed.tagIndices = placed.tagIndices.map { $0 - t }
                placed.speakerIndices = placed.speakerIndices.map { $0 - p }
                placed.dayIndex -= d
                placed.weekIndex -= w
                return placed
            },
            days: days[edition.days].map { day in
                DayGroup(date: day.date, path: day.path, articles: day.articles.map { $0 - a }, weekIndex: day.weekIndex - w)
            },
            weeks: weeks[edition.weeks].map { week in
                WeekGroup(
                    week: week.week, path: week.path, articles: week.articles.map { $0 - a }, days: week.days.map { $0 - d },
                    yearIndex: week.yearIndex - y)
            },
            years: years[edition.years].map { YearGroup(year: $0.year, path: $0.path, weeks: $0.weeks.map { $0 - w }) },
            sections: sections[edition.sections].map { shift($0, by: a) },
            tags: tags[edition.tags].map { shift($0, by: a) },
            speakers: speakers[edition.speakers].map { shift($0, by: a) })
        site.buildInstant = buildInstant
        site.prefix = edition.prefix
        site.edition = index
        site.links = links ?? EditionLinks(self)
        return site
    }

    /// Every edition as a site of its own, the default first.
    public func editionSites() -> [Site] {
        guard isMultilingual else { return [self] }
        let links = EditionLinks(self)
        var site = self
        site.links = links
        return editions.indices.map(site.editionSite)
    }

    /// The edition an article of the whole site is in, and its position there.
    func editionOf(article index: Int) -> (edition: Int, position: Int) {
        guard let edition = editions.firstIndex(where: { $0.articles.contains(index) }) else { return (0, index) }
        return (edition, index - editions[edition].articles.lowerBound)
    }
}

extension SiteLayout {
    /// Adds one edition's layout (`SiteIndexer.group`), its indices moved past what is here,
    /// and notes the edition's ranges. Placements keep their `article` (set by the caller).
    mutating func append(_ part: SiteLayout, edition: Site.Edition, articleOffset a: Int) {
        var edition = edition
        // The first edition (a site in one language: the only one) has nothing to move past.
        if placements.isEmpty && days.isEmpty && sections.isEmpty && tags.isEmpty && speakers.isEmpty && a == 0 {
            let editions = self.editions
            self = part
            (edition.articles, edition.days, edition.weeks, edition.years) = (0..<placements.count, 0..<days.count, 0..<weeks.count, 0..<years.count)
            (edition.sections, edition.tags, edition.speakers) = (0..<sections.count, 0..<tags.count, 0..<speakers.count)
            self.editions = editions + [edition]
            return
        }
        let (d, w, y) = (days.count, weeks.count, years.count)
        let (s, t, p) = (sections.count, tags.count, speakers.count)
        func shift(_ term: Term) -> Term {
            var term = term
            term.articles = term.articles.map { $0 + a }
            term.quotes = term.quotes.map { QuoteReference(article: $0.article + a, quote: $0.quote) }
            return term
        }
        placements += part.placements.map { placement in
            var placement = placement
            placement.sectionIndex += s
            placement.tagIndices = placement.tagIndices.map { $0 + t }
            placement.speakerIndices = placement.speakerIndices.map { $0 + p }
            placement.dayIndex += d
            placement.weekIndex += w
            return placement
        }
        days += part.days.map { DayGroup(date: $0.date, path: $0.path, articles: $0.articles.map { $0 + a }, weekIndex: $0.weekIndex + w) }
        weeks += part.weeks.map { week in
            WeekGroup(
                week: week.week, path: week.path, articles: week.articles.map { $0 + a }, days: week.days.map { $0 + d },
                yearIndex: week.yearIndex + y)
        }
        years += part.years.map { YearGroup(year: $0.year, path: $0.path, weeks: $0.weeks.map { $0 + w }) }
        sections += part.sections.map(shift)
        tags += part.tags.map(shift)
        speakers += part.speakers.map(shift)
        edition.articles = a..<(a + part.placements.count)
        edition.days = d..<days.count
        edition.weeks = w..<weeks.count
        edition.years = y..<years.count
        edition.sections = s..<sections.count
        edition.tags = t..<tags.count
        edition.speakers = p..<speakers.count
        editions.append(edition)
    }
}

extension Site {
    /// An article's address as the search index gives it: from the folder of the edition's
    /// pages (`../2019/02/13/talks/` from `zh/`), where the search page resolves it.
    func searchAddress(_ path: SitePath) -> String {
        String(repeating: "../", count: prefix.components.count) + (config.linkIndexFiles ? path.file : path.folder)
    }
}

extension Site {
    /// The edition a week of the whole site is in, and its position there.
    func editionOf(week index: Int) -> (edition: Int, position: Int) {
        guard let edition = editions.firstIndex(where: { $0.weeks.contains(index) }) else { return (0, index) }
        return (edition, index - editions[edition].weeks.lowerBound)
    }

    /// Week `index` of the whole site as a position in edition `edition`'s, if it is there.
    func editionWeek(_ index: Int, of edition: Int) -> Int? {
        let (owner, position) = editionOf(week: index)
        return owner == edition ? position : nil
    }
}
