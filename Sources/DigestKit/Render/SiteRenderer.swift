import Foundation

/// Renders pages of a `Site` through the templates. Pure: jobs in, HTML out, no disk.
public struct SiteRenderer: Sendable {
    public let site: Site
    public let templates: TemplateSet
    let views: ViewModels

    /// The same on every page, so its fingerprint is worked out once.
    let navigation: SharedContext
    let siteValues: SharedContext
    private let pageLinkMemo = Memo<String, [SharedContext]>()
    /// Header, footer and the like, rendered once per folder depth.
    private let partials: PartialMemo

    public init(site: Site, templates: TemplateSet) {
        self.site = site
        self.templates = templates
        partials = PartialMemo(templates: templates)
        let views = ViewModels(site: site, templates: templates)
        self.views = views
        navigation = SharedContext([
            "home": views.url(site.prefix),
            "archive": views.url(site.fixedPath(Site.archivePath)),
            "tags": views.url(site.fixedPath(Site.tagsPath)),
            "speakers": views.url(site.fixedPath(Site.speakersPath)),
            "search": views.url(site.fixedPath(Site.searchPath)),
            "sections": site.sections.map { ViewModels.termReference($0, indexFiles: views.indexFiles) },
        ])
        let config = site.config
        var values: [String: Any] = ["title": config.title, "description": config.description, "language": config.language]
        // Only on a site in several languages, so others' pages keep their fingerprints.
        if site.links != nil { values["multilingual"] = true }
        siteValues = SharedContext(values)
    }

    public func render(_ job: PageJob) -> String {
        render(prepare(job))
    }

    /// A page's template and everything it shows; cheap next to rendering it.
    struct Prepared: @unchecked Sendable {
        var template: String
        var context: [String: Any]
    }

    func prepare(_ job: PageJob) -> Prepared {
        let (template, title, values) = content(job.kind, root: Self.root(job.path))
        var context = common(job.path, title: title, words: words(job.kind))
        context.merge(values) { _, new in new }
        context.merge(publishing(job)) { _, new in new }
        if site.links != nil { inOtherLanguages(job, context: &context) }
        return Prepared(template: template, context: context)
    }

    func render(_ prepared: Prepared) -> String {
        String(decoding: renderBytes(prepared), as: UTF8.self)
    }

    func renderBytes(_ prepared: Prepared) -> [UInt8] {
        var context = prepared.context
        partials.fill(&context)
        return TemplateSet.renderBytes(context, template: prepared.template, from: partials.pageLibrary)
    }

    /// Feed links, and with a base URL the canonical link and share-preview metadata.
    func publishing(_ job: PageJob) -> [String: Any] {
        guard let urls = AbsoluteURLs(baseURL: site.config.baseURL) else { return [:] }
        var feeds: [[String: String]] = [["title": site.config.title, "url": site.prefix.folder + AtomFeed.fileName]]
        let ownFeed: (title: String, page: SitePath)? =
            switch job.kind {
            case let .section(index, _): (site.sections[index].name, site.sections[index].path)
            case let .tag(index, _): (site.tags[index].name, site.tags[index].path)
            case let .speaker(index, _): (site.speakers[index].name, site.speakers[index].path)
            case let .week(index): (views.words.weekTitle(site.weeks[index].week), site.weeks[index].path)
            default: nil
            }
        if let ownFeed { feeds.insert(["title": ownFeed.title, "url": ownFeed.page.folder + AtomFeed.fileName], at: 0) }
        var values: [String: Any] = ["feeds": feeds]
        guard job.kind != .notFound else { return values }
        var share: [String: Any] = ["url": urls.url(job.path), "type": "website", "site_name": site.config.title]
        if case let .article(index) = job.kind {
            let placed = site.articles[index]
            share["type"] = "article"
            share["title"] = placed.article.title
            share["description"] = placed.article.summary ?? site.config.description
            share["section"] = site.sections[placed.sectionIndex].name
            share["published_time"] = placed.article.date.iso8601
            share["tags"] = placed.tagIndices.map { site.tags[$0].name }
        } else {
            share["description"] = site.config.description
            // Present but empty, so `{{#section}}` inside `{{#share}}` does not climb to the
            // page's own `section` (a section page's term) and print it.
            share["title"] = false
            share["section"] = false
            share["published_time"] = false
            share["tags"] = [String]()
        }
        values["canonical"] = urls.url(job.path)
        values["share"] = share
        return values
    }

    /// What every page gets: site settings, the way back to the root, navigation. All but
    /// `page_title` are alike on every page at the same depth (`PartialMemo.sharedNames`), and
    /// no page's own values may reuse these names.
    func common(_ path: SitePath, title: String?, words: Localization) -> [String: Any] {
        let config = site.config
        var values: [String: Any] = [
            "site": siteValues,
            "lang": words.language,
            "t": words.templateStrings,
            "page_title": title.map { "\($0) · \(config.title)" } ?? config.title,
            "root": Self.root(path),
            "assets": "assets/",
            "nav": navigation,
        ]
        // Only where it is not the default, so `{{#dir}}` adds nothing to a left-to-right page.
        if words.direction == "rtl" { values["dir"] = "rtl" }
        return values
    }

    /// `./` at the root, `../../` two folders down: put before every root-relative URL.
    static func root(_ path: SitePath) -> String {
        path.components.isEmpty ? "./" : path.rootPrefix
    }

    /// The words a page is in: an article's language's on its page, the site's elsewhere.
    func words(_ kind: PageJob.Kind) -> Localization {
        guard case let .article(index) = kind, let language = site.articles[index].article.language,
            language != site.config.language
        else { return views.words }
        return templates.strings.localization(language)
    }

    private func content(_ kind: PageJob.Kind, root: String) -> (template: String, title: String?, values: [String: Any]) {
        let words = views.words
        switch kind {
        case .home: return ("home", nil, home(root: root))
        case .notFound:
            // Hosts serve this page at any depth, where relative links cannot work; a base URL
            // (when the site has one) anchors them at the page's own folder, where they start.
            var values: [String: Any] = ["recent": views.items(site.articles.indices.prefix(10), root: root)]
            if let urls = AbsoluteURLs(baseURL: site.config.baseURL) { values["base_href"] = urls.url(site.prefix) }
            return ("404", words.text("page_not_found"), values)
        case let .article(index): return ("article", site.articles[index].article.title, article(index, root: root))
        case let .day(index): return ("day", words.longDate(site.days[index].date), day(index, root: root))
        case let .week(index): return ("week", words.weekTitle(site.weeks[index].week), self.week(index, root: root))
        case let .year(index): return ("year", String(site.years[index].year), year(index))
        case .archive: return ("archive", words.text("archive"), archive())
        case .search:
            // Another language's index is in its folder; its addresses are from that folder too.
            var values: [String: Any] = ["index": site.prefix.folder + SearchIndex.file, "search_words": words.searchWords]
            if site.links != nil { values["search_root"] = site.prefix.folder }
            return ("search", words.text("search"), values)
        case let .section(index, page):
            return ("section", site.sections[index].name, termPage(site.sections[index], page: page, key: "section", root: root))
        case .tagIndex: return ("tags", words.text("tags"), termIndex(site.tags, counted: "in_all"))
        case let .tag(index, page): return ("tag", site.tags[index].name, termPage(site.tags[index], page: page, key: "tag", root: root))
        case .speakerIndex:
            var values = termIndex(site.speakers, counted: "people_quoted")
            // Most active first: articles and quotes together, then by name.
            values["by_activity"] = site.speakers
                .sorted { ($0.articles.count + $0.quotes.count, $1.name) > ($1.articles.count + $1.quotes.count, $0.name) }
                .map(views.termLink)
            return ("speakers", words.text("speakers"), values)
        case let .speaker(index, page):
            let term = site.speakers[index]
            var values = termPage(term, page: page, key: "speaker", root: root)
            if page == 1 { values["quotes"] = views.quotes(term) }
            values["speaker"] = views.termLink(term)
            return ("speaker", term.name, values)
        }
    }

    private func home(root: String) -> [String: Any] {
        guard let latest = site.weeks.indices.first else { return ["empty": true] }
        return [
            "week": views.weekSummary(latest),
            "sections": views.sectionGroups(site.weeks[latest].articles, root: root),
            "earlier_weeks": site.weeks.indices.dropFirst().prefix(8).map(views.weekSummary),
        ]
    }

    private func article(_ index: Int, root: String) -> [String: Any] {
        let placed = site.articles[index]
        let item = views.item(index)
        var article = item.values
        let body = placed.article.body
        // The source's bytes decide the body (with the parse settings, part of the seed).
        var hasher = StableHasher()
        hasher.combine(placed.article.sourceHash)
        hasher.combine(placed.article.sourceSize)
        let bodyFingerprint = hasher.finalize()
        article["body"] = LazyHTML(fingerprint: bodyFingerprint) { body.html }
        // `{{root}}` is found in the article and in each of its tags and speakers, where the
        // templates link them, instead of two or three levels up the context: each level
        // climbed is one more dictionary lookup, on every lookup of an article page.
        article["root"] = root
        for key in ["tags", "speakers"] {
            guard let terms = article[key] as? [[String: String]] else { continue }
            article[key] = terms.map { term in
                var term = term
                term["root"] = root
                return term
            }
        }
        hasher.combine(item.fingerprint)
        hasher.combine(root)
        var values: [String: Any] = ["week": views.weekSummary(placed.weekIndex)]
        inLanguage(of: index, article: &article, values: &values, hasher: &hasher)
        values["article"] = SharedContext(article, fingerprint: hasher.finalize())
        // Within a day, articles are newest first: the one after in the list was published before.
        let day = site.days[placed.dayIndex].articles
        if let position = day.firstIndex(of: index) {
            if position + 1 < day.count { values["previous"] = views.item(day[position + 1]) }
            if position > 0 { values["next"] = views.item(day[position - 1]) }
        }
        return values
    }

    private func day(_ index: Int, root: String) -> [String: Any] {
        let day = site.days[index]
        var values: [String: Any] = [
            "day": views.daySummary(index),
            "week": views.weekSummary(day.weekIndex),
            "sections": views.sectionGroups(day.articles, root: root),
        ]
        if index + 1 < site.days.count { values["previous_day"] = views.daySummary(index + 1) }
        if index > 0 { values["next_day"] = views.daySummary(index - 1) }
        return values
    }

    private func week(_ index: Int, root: String) -> [String: Any] {
        let week = site.weeks[index]
        var values: [String: Any] = [
            "week": views.weekSummary(index),
            "days": week.days.map(views.daySummary),
            "sections": views.sectionGroups(week.articles, root: root),
            "year": ["year": week.week.year, "url": views.url(site.years[week.yearIndex].path)],
        ]
        if index + 1 < site.weeks.count { values["previous_week"] = views.weekSummary(index + 1) }
        if index > 0 { values["next_week"] = views.weekSummary(index - 1) }
        return values
    }

    private func year(_ index: Int) -> [String: Any] {
        let year = site.years[index]
        return ["year": ["year": year.year, "url": views.url(year.path)], "weeks": year.weeks.map(views.weekSummary)]
    }

    private func archive() -> [String: Any] {
        [
            "years": site.years.map { year -> [String: Any] in
                ["year": year.year, "url": views.url(year.path), "weeks": year.weeks.map(views.weekSummary)]
            }
        ]
    }

    /// A term's page links, made once per term and shared by its pages.
    private func pageLinks(_ term: Term, total: Int) -> [SharedContext] {
        pageLinkMemo.value(for: term.path.folder) { views.pageLinks(base: term.path, total: total) }
    }

    /// `counted`: the string that counts the terms (`in_all`: "12 in all").
    private func termIndex(_ terms: [Term], counted: String) -> [String: Any] {
        let sorted = terms.sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
        return [
            "terms": sorted.map(views.termLink), "count": terms.count,
            "count_text": views.words.count(counted, terms.count),
        ]
    }

    private func termPage(_ term: Term, page: Int, key: String, root: String) -> [String: Any] {
        let total = site.pageCount(of: term)
        var values: [String: Any] = [
            key: [
                "name": term.name, "url": views.url(term.path), "count": term.articles.count,
                "count_text": views.words.count("article_count", term.articles.count),
            ],
            "articles": views.items(site.slice(term.articles, page: page), root: root),
        ]
        if total > 1,
            let pagination = views.pagination(
                base: term.path, page: page, total: total,
                links: pageLinks(term, total: total))
        {
            values["pagination"] = pagination
        }
        return values
    }
}
