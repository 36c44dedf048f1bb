extension Site {
    /// An old address an article keeps (`aliases:`), and the article it now leads to.
    public struct Alias: Sendable, Hashable {
        /// Where the redirect is written in the output: `articles/old-slug/index.html`.
        public var file: String
        /// The alias as the author wrote it, as a site path: `articles/old-slug/`.
        public var path: String
        public var article: Int
    }

    /// Every article's aliases. One that stands where a page of the site is, or that two
    /// articles both claim, is an error naming both files: a redirect must never hide a page,
    /// and an old address can lead to one place only.
    public func aliases() -> (aliases: [Alias], diagnostics: [Diagnostic]) {
        guard articles.contains(where: { !$0.article.aliases.isEmpty }) else { return ([], []) }
        var pages: [String: PageJob] = [:]
        for job in pageJobs() { pages[job.file] = job }
        var claimed: [String: Int] = [:]
        var aliases: [Alias] = []
        var diagnostics: [Diagnostic] = []
        // Claimed in source path order, so the same two files always give the same message.
        let order = articles.indices.sorted { articles[$0].article.sourcePath < articles[$1].article.sourcePath }
        for index in order {
            let article = articles[index].article
            for path in article.aliases {
                let file = path.hasSuffix("/") ? path + "index.html" : path
                if let page = pages[file] {
                    let owner =
                        if case let .article(other) = page.kind {
                            articles[other + (isMultilingual ? editions[page.edition].articles.lowerBound : 0)].article.sourcePath
                        } else { "the site" }
                    diagnostics.append(
                        Diagnostic(
                            file: article.sourcePath, message: "the alias /\(path) is the address of a page of \(owner)",
                            hint: "an alias is an address no page has any more; remove it from 'aliases:'"))
                } else if let other = claimed[file] {
                    diagnostics.append(
                        Diagnostic(
                            file: article.sourcePath, message: "the alias /\(path) is also an alias of \(articles[other].article.sourcePath)",
                            hint: "an old address can lead to one article only; remove it from one of the two"))
                } else {
                    claimed[file] = index
                    aliases.append(Alias(file: file, path: path, article: index))
                }
            }
        }
        return (aliases, diagnostics)
    }
}
