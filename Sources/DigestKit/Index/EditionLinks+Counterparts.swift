extension EditionLinks {
    /// The page of each edition that is the same as `job`'s: the same week, day, year, section,
    /// tag or speaker (the same tag or person under its name there) or fixed page, or the
    /// article's translation; nil where that edition has none. `job` is of `site`, one of the editions.
    func counterparts(of job: PageJob, in site: Site) -> [SitePath?] {
        languages.indices.map { edition -> SitePath? in
            let home = homes[edition]
            func fixed(_ path: SitePath) -> SitePath { SitePath(home.components + path.components) }
            switch job.kind {
            case .home, .notFound: return home
            case .archive: return fixed(Site.archivePath)
            case .search: return fixed(Site.searchPath)
            case .tagIndex: return fixed(Site.tagsPath)
            case .speakerIndex: return fixed(Site.speakersPath)
            case let .day(index): return days[edition][site.days[index].date.id]
            case let .week(index): return weeks[edition][site.weeks[index].week.id]
            case let .year(index): return years[edition][site.years[index].year]
            case let .section(index, _): return sections[edition][site.sections[index].key]
            case let .tag(index, _): return tags[edition][tag(site.tags[index])]
            case let .speaker(index, _): return speakers[edition][person(site.speakers[index])]
            case let .article(index):
                let placed = site.articles[index]
                if edition == site.edition { return placed.path }
                guard let key = placed.article.translationKey, let group = translations[key] else { return nil }
                return group.members.first { SiteConfig.edition(of: $0.language, among: languages) == edition }?.path
            }
        }
    }
}
