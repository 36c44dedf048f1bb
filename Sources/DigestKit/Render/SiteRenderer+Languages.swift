extension SiteRenderer {
    /// On a site in several languages: the language switcher (`language_links`: each language,
    /// the same page there when it has one, else its home) and, with a base URL, `hreflang`
    /// links between a listing page and its counterparts (articles have theirs from their
    /// translations). Both are in the page's context, so in its fingerprint.
    func inOtherLanguages(_ job: PageJob, context: inout [String: Any]) {
        guard let links = site.links else { return }
        let counterparts = links.counterparts(of: job, in: site)
        context["language_links"] = links.languages.enumerated().map { edition, language -> [String: Any] in
            [
                "lang": language, "name": templates.strings.languageName(language),
                "url": views.url(counterparts[edition] ?? links.homes[edition]), "current": edition == site.edition,
            ]
        }
        if job.kind == .notFound { context["language_homes"] = languageHomes(links) }
        if case .article = job.kind { return }
        guard job.kind != .notFound, let urls = AbsoluteURLs(baseURL: site.config.baseURL) else { return }
        let paired = zip(links.languages, counterparts).compactMap { language, path in path.map { (language, $0) } }
        guard paired.count > 1 else { return }
        var alternates = paired.map { ["hreflang": $0.0, "href": urls.url($0.1)] }
        if let standIn = counterparts[0] { alternates.append(["hreflang": "x-default", "href": urls.url(standIn)]) }
        context["alternates"] = alternates
    }

    /// For a 404 page: each other language's home, the way there in that language's words, as
    /// a host may serve this edition's 404 page to a reader of another (one missing the page
    /// in `zh/` gets `404.html` where the host has no `zh/404.html` rule).
    func languageHomes(_ links: EditionLinks) -> [[String: String]] {
        links.languages.indices.filter { $0 != site.edition }.map { edition in
            let words = templates.strings.localization(links.languages[edition])
            return [
                "lang": links.languages[edition], "dir": words.direction, "url": views.url(links.homes[edition]),
                "text": words.text("not_found_latest"),
            ]
        }
    }
}
