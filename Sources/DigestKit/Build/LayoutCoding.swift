/// The site's layout in the build cache: a file of its own beside the article buckets, named by
/// its bytes like them, so a rebuild that keeps the layout keeps the file too.
extension BuildCache {
    static let layoutKind = "layout"

    /// The layout file's bytes: the key it was made for, then the layout.
    static func encodedLayout(_ layout: SiteLayout, key: UInt64) -> [UInt8] {
        var writer = CacheWriter()
        writer.reserve(layout.placements.count * 160)
        writer.write(key)
        writer.write(layout.placements.count)
        for placement in layout.placements {
            writer.write(placement.article)
            writer.write(placement.path.components)
            writer.write(placement.sectionIndex)
            writer.write(placement.tagIndices)
            writer.write(placement.speakerIndices)
            writer.write(placement.dayIndex)
            writer.write(placement.weekIndex)
        }
        writer.write(layout.days.count)
        for day in layout.days {
            write(day.date, into: &writer)
            writer.write(day.path.components)
            writer.write(day.articles)
            writer.write(day.weekIndex)
        }
        writer.write(layout.weeks.count)
        for week in layout.weeks {
            writer.write(week.week.year)
            writer.write(week.week.week)
            writer.write(week.path.components)
            writer.write(week.articles)
            writer.write(week.days)
            writer.write(week.yearIndex)
        }
        writer.write(layout.years.count)
        for year in layout.years {
            writer.write(year.year)
            writer.write(year.path.components)
            writer.write(year.weeks)
        }
        for terms in [layout.sections, layout.tags, layout.speakers] {
            writer.write(terms.count)
            for term in terms {
                writer.write(term.key)
                writer.write(term.name)
                writer.write(term.slug)
                writer.write(term.path.components)
                writer.write(term.articles)
                writer.write(term.quotes.count)
                for quote in term.quotes {
                    writer.write(quote.article)
                    writer.write(quote.quote)
                }
            }
        }
        writer.write(layout.editions.count)
        for edition in layout.editions {
            writer.write(edition.language)
            writer.write(edition.prefix.components)
            for range in [edition.articles, edition.days, edition.weeks, edition.years, edition.sections, edition.tags, edition.speakers] {
                writer.write(range.lowerBound)
                writer.write(range.upperBound)
            }
        }
        return writer.bytes
    }

    static func decodedLayout(_ bytes: [UInt8]) throws -> (key: UInt64, layout: SiteLayout) {
        var reader = CacheReader(bytes)
        let key = try reader.uint64()
        let placements = try reader.list { reader in
            SiteLayout.Placement(
                article: try reader.int(), path: SitePath(try reader.strings()), sectionIndex: try reader.int(),
                tagIndices: try reader.ints(), speakerIndices: try reader.ints(), dayIndex: try reader.int(),
                weekIndex: try reader.int())
        }
        let days = try reader.list { reader in
            DayGroup(
                date: try readDate(&reader), path: SitePath(try reader.strings()), articles: try reader.ints(),
                weekIndex: try reader.int())
        }
        let weeks = try reader.list { reader in
            WeekGroup(
                week: ISOWeek(year: try reader.int(), week: try reader.int()), path: SitePath(try reader.strings()),
                articles: try reader.ints(), days: try reader.ints(), yearIndex: try reader.int())
        }
        let years = try reader.list { reader in
            YearGroup(year: try reader.int(), path: SitePath(try reader.strings()), weeks: try reader.ints())
        }
        var termLists: [[Term]] = []
        for _ in 0..<3 {
            termLists.append(
                try reader.list { reader in
                    Term(
                        key: try reader.string(), name: try reader.string(), slug: try reader.string(),
                        path: SitePath(try reader.strings()), articles: try reader.ints(),
                        quotes: try reader.list { reader in QuoteReference(article: try reader.int(), quote: try reader.int()) })
                })
        }
        let editions = try reader.list { reader in
            var edition = Site.Edition(language: try reader.string(), prefix: SitePath(try reader.strings()))
            var ranges: [Range<Int>] = []
            for _ in 0..<7 {
                let (lower, upper) = (try reader.int(), try reader.int())
                guard lower >= 0, lower <= upper else { throw CacheReader.Damaged() }
                ranges.append(lower..<upper)
            }
            (edition.articles, edition.days, edition.weeks, edition.years) = (ranges[0], ranges[1], ranges[2], ranges[3])
            (edition.sections, edition.tags, edition.speakers) = (ranges[4], ranges[5], ranges[6])
            return edition
        }
        guard reader.isAtEnd else { throw CacheReader.Damaged() }
        let layout = SiteLayout(
            placements: placements, days: days, weeks: weeks, years: years,
            sections: termLists[0], tags: termLists[1], speakers: termLists[2], editions: editions)
        return (key, layout)
    }

    private static func write(_ date: CivilDate, into writer: inout CacheWriter) {
        writer.write(date.year)
        writer.write(date.month)
        writer.write(date.day)
    }

    private static func readDate(_ reader: inout CacheReader) throws -> CivilDate {
        CivilDate(year: try reader.int(), month: try reader.int(), day: try reader.int())
    }
}
