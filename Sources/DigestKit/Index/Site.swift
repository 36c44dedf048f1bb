/// The whole site as a model: every article placed at its URL and grouped by day, week, year,
/// section, tag and speaker. Groups refer to articles by index into `articles`, which is sorted
/// newest first, so every list built from a group is newest first too.
public struct Site: Sendable {
    public var config: SiteConfig
    public var articles: [PlacedArticle]
    public var days: [DayGroup]
    public var weeks: [WeekGroup]
    public var years: [YearGroup]
    public var sections: [Term]
    public var tags: [Term]
    public var speakers: [Term]
    /// The build's "now"; articles after it are marked as scheduled when a build includes them.
    public var buildInstant = Int.max
    /// A site in several languages: each language's ranges of the lists above (see
    /// `Site+Editions.swift`). Empty for a site in one language.
    public var editions: [Edition] = []
    /// For one edition of a site in several languages (`editionSite`): the folder of its pages
    /// (`zh/`), its position among the editions, and what it needs of the others.
    public var prefix = SitePath.root
    public var edition = 0
    public var links: EditionLinks?

    /// Fixed pages.
    public static let archivePath = SitePath(["archive"])
    public static let tagsPath = SitePath(["tags"])
    public static let speakersPath = SitePath(["speakers"])
    public static let sectionsPath = SitePath(["sections"])
    public static let searchPath = SitePath(["search"])

    /// `weeks/2019-W07/`: an ISO week's page.
    public static func weekPath(_ week: ISOWeek) -> SitePath { SitePath(["weeks", week.id]) }

    /// The section groups of `indices`, in the site's section order, each newest first.
    public func groupedBySection(_ indices: [Int]) -> [(section: Term, articles: [Int])] {
        var bySection: [Int: [Int]] = [:]
        for index in indices { bySection[articles[index].sectionIndex, default: []].append(index) }
        return sections.indices.compactMap { position in
            bySection[position].map { (sections[position], $0) }
        }
    }
}

public struct PlacedArticle: Sendable {
    public var article: Article
    public var path: SitePath
    public var sectionIndex: Int
    public var tagIndices: [Int]
    public var speakerIndices: [Int]
    public var dayIndex: Int
    public var weekIndex: Int
}

/// A section, tag or speaker: a name readers see, its page, and its articles.
public struct Term: Sendable, Equatable {
    public var key: String
    public var name: String
    public var slug: String
    public var path: SitePath
    public var articles: [Int]
    /// For speakers: their quotes as (article, quote) indices, newest article first.
    public var quotes: [QuoteReference] = []
}

public struct QuoteReference: Hashable, Sendable {
    public var article: Int
    public var quote: Int
}

public struct DayGroup: Sendable, Equatable {
    public var date: CivilDate
    public var path: SitePath
    public var articles: [Int]
    public var weekIndex: Int
}

public struct WeekGroup: Sendable, Equatable {
    public var week: ISOWeek
    public var path: SitePath
    public var articles: [Int]
    /// Days of this week that have articles, oldest first.
    public var days: [Int]
    public var yearIndex: Int
}

public struct YearGroup: Sendable, Equatable {
    public var year: Int
    public var path: SitePath
    /// Weeks of this ISO week-year, newest first.
    public var weeks: [Int]
}

extension Site {
    /// Stands for everything the site's pages are made from except article bodies: every
    /// published article's header and place (in order), the build's time as far as it marks
    /// articles scheduled, and `seed` (settings, templates). Equal fingerprints mean equal
    /// contexts for every page that shows no body.
    func structureFingerprint(seed: UInt64) -> UInt64 {
        let terms = TermFingerprints(self)
        let perArticle = articles.parallelMap { placed -> UInt64 in
            var hasher = StableHasher()
            placed.combineFingerprint(into: &hasher, site: self, body: false, terms: terms)
            return hasher.finalize()
        }
        var hasher = StableHasher()
        hasher.combine(seed)
        hasher.combine(articles.count)
        for fingerprint in perArticle { hasher.combine(fingerprint) }
        return hasher.finalize()
    }
}

extension ArticleHeader {
    /// A hash of the header as the build cache encodes it: every field, a new one too.
    var fingerprint: UInt64 {
        let encoder = CacheEncoder()
        // Throws only for a value the layout has no place for, which the cache's round trip
        // of every header field (tested) rules out.
        try? encoder.encode(self)
        return StableHasher.hash(encoder.writer.bytes)
    }
}

extension PlacedArticle {
    /// The article's source (its bytes decide every field) and where the index put it, with
    /// the names of its section, tags and speakers (the first spelling met wins, so another
    /// article can change them). Without `body`, the header stands in for the source, so
    /// editing a body leaves what does not show it alone.
    func combineFingerprint(into hasher: inout StableHasher, site: Site, body: Bool = true, terms: TermFingerprints? = nil) {
        if body {
            hasher.combine(article.sourceHash)
            hasher.combine(article.sourceSize)
        } else {
            hasher.combine(article.headerFingerprint)
        }
        hasher.combine(article.sourcePath)
        hasher.combine(path)
        hasher.combine(article.date.instant > site.buildInstant)
        if let terms {
            hasher.combine(terms.sections[sectionIndex])
            hasher.combine(tagIndices.count)
            for index in tagIndices { hasher.combine(terms.tags[index]) }
            hasher.combine(speakerIndices.count)
            for index in speakerIndices { hasher.combine(terms.speakers[index]) }
            return
        }
        site.sections[sectionIndex].combineName(into: &hasher)
        hasher.combine(tagIndices.count)
        for index in tagIndices { site.tags[index].combineName(into: &hasher) }
        hasher.combine(speakerIndices.count)
        for index in speakerIndices { site.speakers[index].combineName(into: &hasher) }
    }
}

/// Every term's `combineName`, worked out once for fingerprints made article by article:
/// copying a term out of the site for each article that names it showed in rebuilds.
struct TermFingerprints: Sendable {
    let sections: [UInt64]
    let tags: [UInt64]
    let speakers: [UInt64]

    init(_ site: Site) {
        func prints(_ terms: [Term]) -> [UInt64] {
            terms.map { term in
                var hasher = StableHasher()
                term.combineName(into: &hasher)
                return hasher.finalize()
            }
        }
        sections = prints(site.sections)
        tags = prints(site.tags)
        speakers = prints(site.speakers)
    }
}

extension Term {
    /// The term's name and page, without building the page's path as text.
    func combineName(into hasher: inout StableHasher) {
        hasher.combine(name)
        hasher.combine(path)
    }
}

extension StableHasher {
    mutating func combine(_ path: SitePath) {
        combine(path.components.count)
        for component in path.components { combine(component) }
    }
}

extension Site {
    /// The positions of the articles made from `sources` (paths from the site folder).
    func positions(ofSources sources: Set<String>) -> [Int] {
        guard !sources.isEmpty else { return [] }
        let isSource = SourcePaths(sources)
        return articles.indices.filter { isSource.contains(articles[$0].article.sourcePath) }
    }
}

/// Paths asked for every article of a site, as the few parsed again after an edit are: a few
/// are compared one by one, which costs less than hashing every article's path for a set.
struct SourcePaths {
    private let all: Set<String>
    private let few: [String]?

    init(_ paths: Set<String>) {
        all = paths
        few = paths.count <= 4 ? Array(paths) : nil
    }

    func contains(_ path: String) -> Bool {
        if let few { return few.contains(path) }
        return all.contains(path)
    }
}
