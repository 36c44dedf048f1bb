/// One page to render: where it goes and what it shows. Listing jobs is cheap; rendering them
/// is the expensive part and runs in parallel.
public struct PageJob: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case home
        case article(Int)
        case day(Int)
        case week(Int)
        case year(Int)
        case archive
        case section(Int, page: Int)
        case tagIndex
        case tag(Int, page: Int)
        case speakerIndex
        case speaker(Int, page: Int)
        /// `404.html` at the root, which hosts serve for any missing path; each other edition's
        /// in its folder (`zh/404.html`), for hosts that serve one per folder.
        case notFound
        case search
    }

    public let kind: Kind
    public let path: SitePath
    /// The file the page is written to. Worked out once: a rebuild asks for it of every page.
    public let file: String
    /// The language edition the page is of (`Site.editionSite`), whose site `kind`'s indices
    /// are into; 0 for a site in one language.
    public let edition: Int

    public init(kind: Kind, path: SitePath, edition: Int = 0) {
        self.kind = kind
        self.path = path
        self.edition = edition
        file = kind == .notFound ? path.folder + "404.html" : path.file
    }
}

extension Site {
    /// Every page of the site, in a fixed order: of each edition in turn for a site in several
    /// languages.
    public func pageJobs() -> [PageJob] {
        if isMultilingual { return editionSites().flatMap { $0.pageJobs() } }
        let edition = self.edition
        func job(_ kind: PageJob.Kind, _ path: SitePath) -> PageJob { PageJob(kind: kind, path: path, edition: edition) }
        var jobs: [PageJob] = [job(.home, prefix)]
        jobs.append(job(.notFound, prefix))
        jobs += [job(.archive, fixedPath(Self.archivePath)), job(.search, fixedPath(Self.searchPath))]
        jobs += articles.indices.map { job(.article($0), articles[$0].path) }
        jobs += days.indices.map { job(.day($0), days[$0].path) }
        jobs += weeks.indices.map { job(.week($0), weeks[$0].path) }
        jobs += years.indices.map { job(.year($0), years[$0].path) }
        for (index, term) in sections.enumerated() {
            jobs += pages(of: term).map { job(.section(index, page: $0.number), $0.path) }
        }
        jobs.append(job(.tagIndex, fixedPath(Self.tagsPath)))
        for (index, term) in tags.enumerated() {
            jobs += pages(of: term).map { job(.tag(index, page: $0.number), $0.path) }
        }
        jobs.append(job(.speakerIndex, fixedPath(Self.speakersPath)))
        for (index, term) in speakers.enumerated() {
            jobs += pages(of: term).map { job(.speaker(index, page: $0.number), $0.path) }
        }
        return jobs
    }

    /// How many pages `pageJobs()` lists, counted without listing them.
    public var pageCount: Int {
        let termPages = [sections, tags, speakers].joined().reduce(0) { $0 + pageCount(of: $1) }
        // Per edition: home, 404, archive, search, the tags and speakers pages.
        return 6 * editionCount + articles.count + days.count + weeks.count + years.count + termPages
    }

    /// Page numbers and paths of a term's paginated list: `tags/5g/`, `tags/5g/page/2/`, …
    public func pages(of term: Term) -> [(number: Int, path: SitePath)] {
        (1...pageCount(of: term)).map { ($0, pagePath(term.path, number: $0)) }
    }

    public func pageCount(of term: Term) -> Int {
        Swift.max(1, (term.articles.count + config.paginate - 1) / config.paginate)
    }

    public func pagePath(_ base: SitePath, number: Int) -> SitePath {
        number == 1 ? base : base.appending("page").appending(String(number))
    }

    public func slice(_ indices: [Int], page: Int) -> ArraySlice<Int> {
        let start = (page - 1) * config.paginate
        return indices[Swift.min(start, indices.count)..<Swift.min(start + config.paginate, indices.count)]
    }
}
