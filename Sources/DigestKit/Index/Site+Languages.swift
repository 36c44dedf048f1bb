extension Site {
    /// The language `article` is written in: its `language:`, else the site's.
    public func language(of article: Article) -> String {
        article.language ?? config.language
    }

    /// Every language the site's pages are written in: the site's (each of `languages:`) and
    /// its articles'.
    public var languages: Set<String> {
        Set(articles.lazy.compactMap(\.article.language)).union(config.editionLanguages)
    }

    /// Articles that share a `translation_key:` (two or more), by key, each group in the site's
    /// order (newest first).
    public func translationGroups() -> [String: [Int]] {
        var groups: [String: [Int]] = [:]
        for (index, placed) in articles.enumerated() {
            guard let key = placed.article.translationKey else { continue }
            groups[key, default: []].append(index)
        }
        return groups.filter { $0.value.count > 1 }
    }

    /// The translation that stands for the others where no language fits (`x-default`): the
    /// one in the site's language, else the newest.
    func defaultTranslation(_ group: [Int]) -> Int {
        group.first { language(of: articles[$0].article) == config.language } ?? group[0]
    }
}
