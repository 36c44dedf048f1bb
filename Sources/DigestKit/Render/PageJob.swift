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
        /// `404.html` at the root, which hosts serve for any missing path.
        case notFound
        case search
    }

    public let kind: Kind
    public let path: SitePath
    /// The file the page is written to. Worked out once: a rebuild asks for it of every page.
    public let file: String

    public init(kind: Kind, path: SitePath) {
        self.kind = kind
        self.path = path
        file = kind == .notFound ? "404.html" : path.file
    }
}

extension Site {
    /// Every page of the site, in a fixed order.
    public func pageJobs() -> [PageJob] {
        var jobs: [PageJob] = [
            PageJob(kind: .home, path: .root), PageJob(kind: .notFound, path: .root),
            PageJob(kind: .archive, path: Self.archivePath), PageJob(kind: .search, path: Self.searchPath),
        ]
        jobs += articles.indices.map { PageJob(kind: .article($0), path: articles[$0].path) }
        jobs += days.indices.map { PageJob(kind: .day($0), path: days[$0].path) }
        jobs += weeks.indices.map { PageJob(kind: .week($0), path: weeks[$0].path) }
        jobs += years.indices.map { PageJob(kind: .year($0), path: years[$0].path) }
        for (index, term) in sections.enumerated() {
            jobs += pages(of: term).map { PageJob(kind: .section(index, page: $0.number), path: $0.path) }
        }
        jobs.append(PageJob(kind: .tagIndex, path: Self.tagsPath))
        for (index, term) in tags.enumerated() {
            jobs += pages(of: term).map { PageJob(kind: .tag(index, page: $0.number), path: $0.path) }
        }
        jobs.append(PageJob(kind: .speakerIndex, path: Self.speakersPath))
        for (index, term) in speakers.enumerated() {
            jobs += pages(of: term).map { PageJob(kind: .speaker(index, page: $0.number), path: $0.path) }
        }
        return jobs
    }

    /// How many pages `pageJobs()` lists, counted without listing them.
    public var pageCount: Int {
        let termPages = [sections, tags, speakers].joined().reduce(0) { $0 + pageCount(of: $1) }
        return 4 + articles.count + days.count + weeks.count + years.count + 2 + termPages
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
