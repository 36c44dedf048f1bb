/// Where the indexer placed each article and how it grouped them: a `Site` without the
/// articles' contents. Editing an article's body changes nothing here, so the build cache keeps
/// the last build's layout and a rebuild after such an edit does not index ten thousand articles
/// again (`SiteLayout.key`, `Article.sameOutsideBody`).
struct SiteLayout: Sendable, Equatable {
    /// One article's place; `article` is its position in the list that was indexed.
    struct Placement: Sendable, Equatable {
        var article: Int
        var path: SitePath
        var sectionIndex: Int
        var tagIndices: [Int]
        var speakerIndices: [Int]
        var dayIndex: Int
        var weekIndex: Int
    }

    /// Newest first, as `Site.articles`.
    var placements: [Placement]
    var days: [DayGroup]
    var weeks: [WeekGroup]
    var years: [YearGroup]
    var sections: [Term]
    var tags: [Term]
    var speakers: [Term]
    /// Each language's ranges of the lists above; empty for a site in one language.
    var editions: [Site.Edition] = []

    /// Stands for what a layout is made from besides the articles' own fields: the settings
    /// (section order and titles) and which articles were indexed, in their order (given as
    /// `articlesDigest` of them).
    static func key(config: SiteConfig, articlesDigest: UInt64) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(config.fingerprint)
        hasher.combine(articlesDigest)
        return hasher.finalize()
    }

    /// Which articles, in their order: their source paths.
    static func articlesDigest(_ articles: [Article]) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(articles.count)
        for article in articles { hasher.combine(article.sourcePath) }
        return hasher.finalize()
    }

    /// Whether every index points where it may for `articles`, each placed once: a layout read
    /// from a damaged cache must not make the build trap.
    func fits(_ articles: [Article]) -> Bool {
        let articleCount = articles.count
        guard placements.count == articleCount else { return false }
        var placed = [Bool](repeating: false, count: articleCount)
        let (positions, days, weeks, years) = (0..<articleCount, days.indices, weeks.indices, years.indices)
        for placement in placements {
            guard positions.contains(placement.article), !placed[placement.article],
                sections.indices.contains(placement.sectionIndex),
                placement.tagIndices.allSatisfy(tags.indices.contains),
                placement.speakerIndices.allSatisfy(speakers.indices.contains),
                days.contains(placement.dayIndex), weeks.contains(placement.weekIndex)
            else { return false }
            placed[placement.article] = true
        }
        func termsFit(_ terms: [Term]) -> Bool {
            terms.allSatisfy { term in
                term.articles.allSatisfy(positions.contains)
                    && term.quotes.allSatisfy { quote in
                        positions.contains(quote.article)
                            && articles[placements[quote.article].article].quotes.indices.contains(quote.quote)
                    }
            }
        }
        return self.days.allSatisfy { $0.articles.allSatisfy(positions.contains) && weeks.contains($0.weekIndex) }
            && self.weeks.allSatisfy {
                $0.articles.allSatisfy(positions.contains) && $0.days.allSatisfy(days.contains) && years.contains($0.yearIndex)
            }
            && self.years.allSatisfy { $0.weeks.allSatisfy(weeks.contains) }
            && termsFit(sections) && termsFit(tags) && termsFit(speakers)
            && editions.allSatisfy { edition in
                edition.articles.upperBound <= articleCount && edition.days.upperBound <= self.days.count
                    && edition.weeks.upperBound <= self.weeks.count && edition.years.upperBound <= self.years.count
                    && edition.sections.upperBound <= sections.count && edition.tags.upperBound <= tags.count
                    && edition.speakers.upperBound <= speakers.count
            }
    }
}

extension Site {
    /// The site `layout` describes, for `articles` in the order they were indexed.
    init(config: SiteConfig, articles: [Article], layout: SiteLayout) {
        let placed = layout.placements.map { placement in
            PlacedArticle(
                article: articles[placement.article], path: placement.path, sectionIndex: placement.sectionIndex,
                tagIndices: placement.tagIndices, speakerIndices: placement.speakerIndices,
                dayIndex: placement.dayIndex, weekIndex: placement.weekIndex)
        }
        self.init(
            config: config, articles: placed, days: layout.days, weeks: layout.weeks, years: layout.years,
            sections: layout.sections, tags: layout.tags, speakers: layout.speakers)
        editions = layout.editions
    }
}
