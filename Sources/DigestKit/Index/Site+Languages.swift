extension Site {
    /// The language `article` is written in: its `language:`, else the site's.
    public func language(of article: Article) -> String {
        article.language ?? config.language
    }

    /// Every language the site's pages are written in: the site's (each of `languages:`) and
    /// its articles'.
    /// A closure, not a key path: a key path through `article` was read through the runtime
    /// for every article, on a rebuild's critical path.
    public var languages: Set<String> {
        Set(articles.lazy.compactMap { $0.article.language }).union(config.editionLanguages)
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

    /// A warning for each article whose `translation_key:` an older article in the same
    /// language already has: translations of one story differ in language, so one of the two
    /// keys is a slip (the pages would offer a translation in the page's own language).
    public func translationKeyWarnings() -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for (key, group) in translationGroups().sorted(by: { $0.key < $1.key }) {
            var firstInLanguage: [String: String] = [:]
            // Oldest first, so the newer of two is the one named.
            for index in group.reversed() {
                let article = articles[index].article
                let language = language(of: article).lowercased()
                guard let earlier = firstInLanguage[language] else {
                    firstInLanguage[language] = article.sourcePath
                    continue
                }
                warnings.append(
                    .warning(
                        file: article.sourcePath,
                        message: "translation_key '\(key)' is also on \(earlier), in the same language (\(language))",
                        hint: "translations differ in language: give one of the two another translation_key, or the right language:"))
            }
        }
        return warnings
    }

    /// The translation that stands for the others where no language fits (`x-default`): the
    /// one in the site's language, else the newest.
    func defaultTranslation(_ group: [Int]) -> Int {
        group.first { language(of: articles[$0].article) == config.language } ?? group[0]
    }
}
