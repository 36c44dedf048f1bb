extension SiteIndexer {
    /// One edition's days, weeks, years, sections, tags and speakers, for its articles
    /// (`sorted`, newest first) and their `keys`: a layout whose placements have only their
    /// groups (the caller sets `article` and `path`), its pages under `prefix`.
    func group(_ sorted: [Article], keys: [ArticleKeys], language: String, prefix: SitePath) -> SiteLayout {
        let (configuredSections, sectionIndices) = terms(
            sorted.map { [$0.section] }, keys: keys.map { [$0.section] },
            folder: "sections", order: config.sections.map(\.id), prefix: prefix)
        let sections = configuredSections.map { term -> Term in
            var term = term
            term.name = config.sectionTitle(term.name, language: language)
            return term
        }
        let tagNames = EditionNames(config.tags, language: language)
        let articleTags = zip(sorted, keys).map { tagNames.terms($0.tags, keys: $1.tags) }
        let (tags, tagIndices) = terms(articleTags.map(\.names), keys: articleTags.map(\.keys), folder: "tags", order: nil, prefix: prefix)
        let speakerNames = EditionNames(config.speakers, language: language)
        let articleSpeakers = zip(sorted, keys).map { speakerNames.terms($0.speakers, keys: $1.speakers) }
        var (speakers, speakerIndices) = terms(
            articleSpeakers.map(\.names), keys: articleSpeakers.map(\.keys), folder: "speakers", order: nil, prefix: prefix)

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
                date: date, path: SitePath(prefix.components + ["days", date.id]), articles: dayArticles[date]!,
                weekIndex: weekPosition[date.isoWeek]!)
        }
        var weeks = weekOrder.map { week in
            WeekGroup(
                week: week, path: SitePath(prefix.components + Site.weekPath(week).components), articles: [], days: [],
                yearIndex: yearPosition[week.year]!)
        }
        for (dayIndex, day) in days.enumerated().reversed() {
            weeks[day.weekIndex].days.append(dayIndex)
        }
        for day in days { weeks[day.weekIndex].articles += day.articles }
        var years = yearOrder.map { YearGroup(year: $0, path: SitePath(prefix.components + ["years", String($0)]), weeks: []) }
        for (weekIndex, week) in weeks.enumerated() { years[week.yearIndex].weeks.append(weekIndex) }

        let dayPosition = Dictionary(uniqueKeysWithValues: dayOrder.enumerated().map { ($1, $0) })
        let speakerPosition = lookup(speakers)
        for (articleIndex, article) in sorted.enumerated() {
            for quoteIndex in article.quotes.indices {
                let key = speakerNames.key(keys[articleIndex].quoteSpeakers[quoteIndex])
                speakers[speakerPosition[key]!].quotes.append(QuoteReference(article: articleIndex, quote: quoteIndex))
            }
        }
        let placements = sorted.enumerated().map { index, article in
            SiteLayout.Placement(
                article: index, path: .root, sectionIndex: sectionIndices[index][0], tagIndices: tagIndices[index],
                speakerIndices: speakerIndices[index], dayIndex: dayPosition[article.date.day]!,
                weekIndex: weekPosition[article.date.day.isoWeek]!)
        }
        return SiteLayout(
            placements: placements, days: days, weeks: weeks, years: years, sections: sections, tags: tags, speakers: speakers)
    }

    /// Groups names by `TermKey`; the first spelling met (newest article) is the one shown.
    /// `order` lists keys that come first, in that order; the rest follow alphabetically.
    /// Also gives, for each article, the positions of its terms in the result.
    func terms(
        _ namesPerArticle: [[String]], keys keysPerArticle: [[String]], folder: String,
        order: [String]?, prefix: SitePath = .root
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
            term.path = SitePath(prefix.components + [folder, term.slug])
            return term
        }
        return (terms, numbersPerArticle.map { $0.map { position[$0] } })
    }

    func lookup(_ terms: [Term]) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: terms.enumerated().map { ($1.key, $0) })
    }
}

/// Names of speakers or tags in one language: one that `site.yml` names in several languages
/// (`Hua Chunying: {zh: 华春莹}`, `Trade war: {zh: 贸易战}`) is listed under its name in that
/// language, whichever of its names an article gives. Without such names, names pass through
/// unchanged.
struct EditionNames {
    private let renamed: [String: (name: String, key: String)]

    init(_ configured: [SiteConfig.NamesByLanguage], language: String) {
        var renamed: [String: (name: String, key: String)] = [:]
        for (key, index) in SiteConfig.keys(of: configured) {
            let name = configured[index].name(in: language)
            renamed[key] = (name, TermKey.normalize(name))
        }
        self.renamed = renamed
    }

    /// An article's `names` and their `keys` in this language; one named by two of its names
    /// (`[Trade war, 贸易战]`) once, as the parser keeps one spelling of a name.
    func terms(_ names: [String], keys: [String]) -> (names: [String], keys: [String]) {
        guard !renamed.isEmpty else { return (names, keys) }
        var result: (names: [String], keys: [String]) = ([], [])
        for (name, key) in zip(names, keys) {
            let (shown, shownKey) = renamed[key] ?? (name, key)
            guard !result.keys.contains(shownKey) else { continue }
            result.names.append(shown)
            result.keys.append(shownKey)
        }
        return result
    }

    func key(_ key: String) -> String {
        renamed[key]?.key ?? key
    }
}
