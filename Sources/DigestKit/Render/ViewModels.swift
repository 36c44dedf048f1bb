import Foundation

/// The values templates see. Every URL here is relative to the site root; templates put
/// `{{root}}` in front of it (`href="{{root}}{{url}}"`), so one value serves pages at any depth.
///
/// Contexts are `[String: Any]` dictionaries, one of the kinds the template renderer reads
/// directly (`TemplateValueKind`); a struct would be read through `Mirror`, and
/// `[String: any Sendable]` converted element by element on every lookup, as swift-mustache did. They are built once and only read afterwards,
/// hence `@unchecked Sendable`.
struct ViewModels: @unchecked Sendable {
    let site: Site
    let indexFiles: Bool
    /// The theme's words in the site's language: dates, week titles, counts.
    let words: Localization
    /// Articles that are translations of each other, by `translation_key`, in every language.
    let translations: [String: (members: [EditionLinks.Translation], standIn: Int)]
    /// One summary per article, with its fingerprint, built when first asked for (a rebuild
    /// may need only a few) and shared by every list it appears in.
    private let itemMemo = Memo<Int, SharedContext>()
    /// Summaries of each week and day, shared by the pages that link to them; made when first
    /// asked for, as items are (a one-edit rebuild renders a page or two).
    private let weekMemo = Memo<Int, SharedContext>()
    private let dayMemo = Memo<Int, SharedContext>()

    /// Renders `partials/item` once per article; nil without templates (tests of view models
    /// alone).
    let itemHTML: ItemHTMLCache?

    init(site: Site, templates: TemplateSet? = nil) {
        self.site = site
        let words = (templates?.strings ?? .builtIn).localization(site.config.language)
        self.words = words
        translations = site.links?.translations ?? EditionLinks.translations(of: site)
        self.itemHTML = templates.map { ItemHTMLCache(templates: $0, site: site, words: words, count: site.articles.count) }
        self.indexFiles = site.config.linkIndexFiles
    }

    /// Article `index`'s item: its list entry's values, without `html`.
    func item(_ index: Int) -> SharedContext {
        itemMemo.value(for: index) { SharedContext(Self.item(site.articles[index], site: site, words: words, indexFiles: indexFiles)) }
    }

    func url(_ path: SitePath) -> String {
        Self.url(path, indexFiles: indexFiles)
    }

    static func url(_ path: SitePath, indexFiles: Bool) -> String {
        indexFiles ? path.file : path.folder
    }

    static func item(_ placed: PlacedArticle, site: Site, words: Localization, indexFiles: Bool) -> [String: Any] {
        let article = placed.article
        let day = site.days[placed.dayIndex]
        var item: [String: Any] = [
            "title": article.title,
            "url": url(placed.path, indexFiles: indexFiles),
            "datetime": article.date.iso8601,
            "time": article.date.clock,
            "date_text": words.longDate(article.date.day),
            "day_url": url(day.path, indexFiles: indexFiles),
            "section": site.sections[placed.sectionIndex].name,
            "section_url": url(site.sections[placed.sectionIndex].path, indexFiles: indexFiles),
            "draft": article.isDraft,
            "future": article.date.instant > site.buildInstant,
            "tags": placed.tagIndices.map { termReference(site.tags[$0], indexFiles: indexFiles) },
            "speakers": placed.speakerIndices.map { termReference(site.speakers[$0], indexFiles: indexFiles) },
        ]
        // An article in another language than its list's says so, for the reader's fonts and
        // screen readers; `lang` and `dir` are there for templates either way.
        let language = site.language(of: article)
        item["lang"] = language
        item["dir"] = Localization.direction(of: language)
        item["other_language"] = language != site.config.language
        if let source = article.source { item["source"] = source }
        if let summary = article.summary { item["summary"] = summary }
        if let updated = article.updated {
            item["updated"] = ["datetime": updated.iso8601, "date_text": words.longDate(updated.day), "time": updated.clock]
        }
        if let correction = article.correctionHTML { item["correction"] = correction }
        return item
    }

    /// A term's name and page, for links from pages about something else (navigation, an
    /// article's tags). No counts: an article added to a tag then changes only the pages that
    /// list that tag's articles, not every page that links to it.
    static func termReference(_ term: Term, indexFiles: Bool) -> [String: String] {
        ["name": term.name, "url": url(term.path, indexFiles: indexFiles)]
    }

    func termLink(_ term: Term) -> [String: Any] {
        [
            "name": term.name, "url": url(term.path), "count": term.articles.count, "quote_count": term.quotes.count,
            "count_text": words.count("article_count", term.articles.count),
            "quote_count_text": words.count("quote_count", term.quotes.count),
        ]
    }

    /// A speaker's quotes, newest first, each with its article.
    func quotes(_ term: Term) -> [[String: Any]] {
        term.quotes.map { reference in
            let placed = site.articles[reference.article]
            let quote = placed.article.quotes[reference.quote]
            return [
                "text": quote.text,
                "datetime": placed.article.date.iso8601,
                "date_text": words.mediumDate(placed.article.date.day),
                "article": item(reference.article),
            ]
        }
    }

    /// Items for a list on a page whose root prefix is `root`, each with `html`: the item
    /// partial rendered for it, when the page is rendered. The item's other values and `root`
    /// are all it is made from, so its fingerprint is the root's.
    func items(_ indices: some Sequence<Int>, root: String) -> [ListItem] {
        guard let itemHTML, itemHTML.hasPartial else {
            return indices.map { index in
                let shared = item(index)
                return ListItem(item: shared, html: nil, fingerprint: shared.fingerprint)
            }
        }
        let rootFingerprint = StableHasher.hash(Array(root.utf8))
        return indices.map { index in
            let shared = self.item(index)
            let values = shared.values
            var hasher = StableHasher()
            hasher.combine(shared.fingerprint)
            hasher.combine(rootFingerprint)
            return ListItem(
                item: shared,
                html: LazyHTML(
                    fingerprint: rootFingerprint, make: { itemHTML.html(for: index, root: root, item: values) ?? "" },
                    write: { itemHTML.write(index, root: root, item: values, into: &$0) }),
                fingerprint: hasher.finalize())
        }
    }

    /// `[{name, url, articles}]` in the site's section order.
    func sectionGroups(_ indices: [Int], root: String) -> [[String: Any]] {
        site.groupedBySection(indices).map { group in
            [
                "name": group.section.name, "slug": group.section.slug, "url": url(group.section.path), "count": group.articles.count,
                "articles": items(group.articles, root: root),
            ]
        }
    }

    /// The entries of a term's `pagination.pages`, none of them current.
    func pageLinks(base: SitePath, total: Int) -> [SharedContext] {
        (1...max(1, total)).map { number in
            SharedContext(["number": number, "url": url(site.pagePath(base, number: number)), "current": false])
        }
    }

    func weekSummary(_ index: Int) -> SharedContext {
        weekMemo.value(for: index) { SharedContext(Self.weekSummary(index, site: site, words: words, indexFiles: indexFiles)) }
    }

    func daySummary(_ index: Int) -> SharedContext {
        dayMemo.value(for: index) { SharedContext(Self.daySummary(index, site: site, words: words, indexFiles: indexFiles)) }
    }

    static func weekSummary(_ index: Int, site: Site, words: Localization, indexFiles: Bool) -> [String: Any] {
        let week = site.weeks[index]
        return [
            "id": week.week.id,
            "title": words.weekTitle(week.week),
            "range": words.weekRange(week.week.monday, week.week.sunday),
            "url": url(week.path, indexFiles: indexFiles),
            "count": week.articles.count,
            "count_text": words.count("article_count", week.articles.count),
        ]
    }

    static func daySummary(_ index: Int, site: Site, words: Localization, indexFiles: Bool) -> [String: Any] {
        let day = site.days[index]
        return [
            "id": day.date.id, "title": words.longDate(day.date), "url": url(day.path, indexFiles: indexFiles),
            "count": day.articles.count, "count_text": words.count("article_count", day.articles.count),
        ]
    }

    /// `pages` lists every page of the term; `links` are its entries, made once per term by the
    /// caller (a tag with 150 pages would otherwise build 150 entries for each of them).
    func pagination(base: SitePath, page: Int, total: Int, links: [SharedContext]) -> [String: Any]? {
        guard total > 1 else { return nil }
        var pages = links
        var current = links[page - 1].values
        current["current"] = true
        pages[page - 1] = SharedContext(current)
        var value: [String: Any] = [
            "current": page,
            "total": total,
            "text": words.text("page_of", ["current": String(page), "total": String(total)]),
            "pages": pages,
        ]
        if page > 1 { value["previous_url"] = url(site.pagePath(base, number: page - 1)) }
        if page < total { value["next_url"] = url(site.pagePath(base, number: page + 1)) }
        return value
    }
}
