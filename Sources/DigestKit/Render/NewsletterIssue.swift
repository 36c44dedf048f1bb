extension Newsletter {
    /// A week's context, made once, then cut to any number of leading articles per section;
    /// see the README's template reference.
    struct Issue {
        let base: [String: Any]
        let sections: [Section]
        /// The site's language's words.
        let words: Localization
        var largestSection: Int { sections.map(\.articles.count).max() ?? 0 }

        struct Section {
            let values: [String: Any]
            let articles: [TemplateValues]
            /// The week page at this section's heading, where the articles left out are listed.
            let moreURL: String
            let name: String
        }

        init(_ newsletter: Newsletter, week index: Int) {
            let site = newsletter.site
            let group = site.weeks[index]
            let weekURL = newsletter.link(group.path, from: group.path)
            let grouped = site.groupedBySection(group.articles)
            words = newsletter.words
            sections = grouped.map { section in
                Section(
                    values: [
                        "name": section.section.name,
                        "heading": section.section.name.uppercased(),
                        "url": newsletter.link(section.section.path, from: group.path),
                        "count": section.articles.count,
                    ],
                    articles: section.articles.map { TemplateValues(newsletter.article($0, from: group.path)) },
                    // `id="section-<slug>"` is the anchor partials/sections puts on the week page.
                    moreURL: weekURL + "#section-" + section.section.slug,
                    name: section.section.name)
            }
            let config = site.config
            let weekTitle = words.weekTitle(group.week)
            var siteValues = ["title": config.title, "language": config.language]
            // Left out when empty: a section over an empty string still renders in swift-mustache.
            if !config.description.isEmpty { siteValues["description"] = config.description }
            var base: [String: Any] = [
                "site": siteValues,
                "lang": config.language,
                "t": words.templateStrings,
                "read_on_site": words.text("read_on_site", ["week": weekTitle]),
                "on_the_site": words.text("on_the_site", ["week": weekTitle]),
                "site_url": newsletter.link(newsletter.site.prefix, from: group.path),
                "absolute_links": newsletter.urls != nil,
                "week": [
                    "id": group.week.id,
                    "title": weekTitle,
                    "range": words.weekRange(group.week.monday, group.week.sunday),
                    "url": weekURL,
                    "count": group.articles.count,
                    "count_text": words.count("article_count", group.articles.count),
                ] as [String: Any],
            ]
            // The lead's summary, which inboxes show beside the subject; the first one given.
            let lead = grouped.lazy.flatMap(\.articles).compactMap { site.articles[$0].article.summary }.first
            if let lead { base["preheader"] = lead }
            if let footer = config.newsletter.footer { base["footer"] = footer }
            if words.direction == "rtl" { base["dir"] = "rtl" }
            self.base = base
        }

        /// Each section lists its first `leads` articles, then `more` says how many are left.
        func context(leads: Int) -> [String: Any] {
            var context = base
            context["sections"] = sections.map { section -> [String: Any] in
                var values = section.values
                values["articles"] = Array(section.articles.prefix(leads))
                let left = section.articles.count - min(leads, section.articles.count)
                if left > 0 {
                    values["more"] =
                        [
                            "count": left, "name": section.name, "url": section.moreURL,
                            "text": words.count("more_in", left, ["section": section.name]),
                        ] as [String: Any]
                }
                return values
            }
            return context
        }
    }
}
