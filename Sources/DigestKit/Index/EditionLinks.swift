/// What a page of one language's edition needs of the others: where each edition has the same
/// week, day, year, section, tag or speaker (the language switcher links there), and every
/// article's translations. Made once from the whole site and shared by its editions.
public struct EditionLinks: Sendable {
    /// One member of a group of translations (articles sharing a `translation_key:`).
    public struct Translation: Sendable, Equatable {
        public var language: String
        public var title: String
        public var path: SitePath
    }

    public let languages: [String]
    let homes: [SitePath]
    let weeks: [[String: SitePath]]
    let days: [[String: SitePath]]
    let years: [[Int: SitePath]]
    let sections: [[String: SitePath]]
    /// By tag: a tag `site.yml` names per language is one tag in every edition.
    let tags: [[String: SitePath]]
    /// By person: a speaker `site.yml` names per language is one person in every edition.
    let speakers: [[String: SitePath]]
    /// Each group in the site's order, and the one that stands for the others (`x-default`).
    let translations: [String: (members: [Translation], standIn: Int)]
    private let speakerKeys: [String: Int]
    private let tagKeys: [String: Int]

    init(_ site: Site) {
        speakerKeys = site.config.speakerKeys
        tagKeys = site.config.tagKeys
        translations = Self.translations(of: site)
        let editions = site.isMultilingual ? site.editions : []
        languages = editions.map(\.language)
        homes = editions.map(\.prefix)
        func table<Group, Key: Hashable>(_ groups: [Group], _ range: KeyPath<Site.Edition, Range<Int>>, _ key: (Group) -> Key, _ path: (Group) -> SitePath)
            -> [[Key: SitePath]]
        {
            editions.map { edition in
                Dictionary(groups[edition[keyPath: range]].map { (key($0), path($0)) }, uniquingKeysWith: { first, _ in first })
            }
        }
        weeks = table(site.weeks, \.weeks, { $0.week.id }, \.path)
        days = table(site.days, \.days, { $0.date.id }, \.path)
        years = table(site.years, \.years, \.year, \.path)
        sections = table(site.sections, \.sections, \.key, \.path)
        let (speakerKeys, tagKeys) = (speakerKeys, tagKeys)
        tags = table(site.tags, \.tags, { Self.identity($0, among: tagKeys) }, \.path)
        speakers = table(site.speakers, \.speakers, { Self.identity($0, among: speakerKeys) }, \.path)
    }

    /// Translation groups of `site` (two or more articles), with the stand-in: the one in the
    /// site's default language, else the newest.
    static func translations(of site: Site) -> [String: (members: [Translation], standIn: Int)] {
        site.translationGroups().mapValues { group in
            let members = group.map { index in
                Translation(
                    language: site.language(of: site.articles[index].article), title: site.articles[index].article.title, path: site.articles[index].path)
            }
            return (members, group.firstIndex(of: site.defaultTranslation(group)) ?? 0)
        }
    }

    /// The person a speaker's page in any edition is about.
    func person(_ term: Term) -> String {
        Self.identity(term, among: speakerKeys)
    }

    /// The tag a tag's page in any edition is about.
    func tag(_ term: Term) -> String {
        Self.identity(term, among: tagKeys)
    }

    /// What `term` is in every edition: the one `site.yml` names per language (`configured`,
    /// by each name's key) whichever name it has here, else its key.
    private static func identity(_ term: Term, among configured: [String: Int]) -> String {
        configured[term.key].map { "\u{0}\($0)" } ?? term.key
    }
}
