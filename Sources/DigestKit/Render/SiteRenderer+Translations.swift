extension SiteRenderer {
    /// An article's page in the article's own language: its date and its week's title in that
    /// language's words; and its translations, linked in the article (`translations`: "Also
    /// in: 中文") and in the page's head (`alternates`, `hreflang` links both ways, with
    /// `x-default`). Whatever is added to `article` goes into `hasher`, its fingerprint.
    func inLanguage(of index: Int, article: inout [String: Any], values: inout [String: Any], hasher: inout StableHasher) {
        let placed = site.articles[index]
        let words = words(.article(index))
        if words.language != views.words.language {
            let date = words.longDate(placed.article.date.day)
            article["date_text"] = date
            hasher.combine(date)
            values["week"] = SharedContext(
                ViewModels.weekSummary(
                    placed.weekIndex, site: site, words: words,
                    indexFiles: views.indexFiles))
        }
        var translations: [[String: String]] = []
        if let key = placed.article.translationKey, let group = views.translations[key] {
            let root = Self.root(placed.path)
            let urls = AbsoluteURLs(baseURL: site.config.baseURL)
            func href(_ member: EditionLinks.Translation) -> String {
                urls?.url(member.path) ?? root + views.url(member.path)
            }
            for member in group.members where member.path != placed.path {
                translations.append([
                    "lang": member.language, "language_name": templates.strings.languageName(member.language),
                    "title": member.title, "url": views.url(member.path), "root": root,
                ])
            }
            values["alternates"] =
                group.members.map { member -> [String: String] in ["hreflang": member.language, "href": href(member)] }
                + [["hreflang": "x-default", "href": href(group.members[group.standIn])]]
        }
        article["translations"] = translations
        hasher.combine(PageFingerprint.of(["translations": translations], seed: 0))
    }
}
