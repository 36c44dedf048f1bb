import Foundation

extension Pipeline {
    /// Parse (in parallel) and index: everything that can find a problem in the input.
    public func index(_ content: ContentSnapshot) throws(BuildFailure) -> Indexed {
        let parser = ArticleParser(config: config, assets: content.assets)
        let counter = ProgressCounter(.parsing, total: content.sources.count, report: progress)
        let settings = Self.parseSettings(config, assets: content.assets)
        let stored = storedParses?.parseSettings == settings ? storedParses?.articles : nil
        // A session's articles need nothing more: asking each body, one lock and a few
        // objects away from the article, showed in its rebuilds.
        let bodiesProvided = storedParses?.inMemory == true
        let fresh = Gathered<String>()
        let sharedParser = SharedParser(parser)
        let parseStart = DispatchTime.now().uptimeNanoseconds
        let outcomes = content.sources.parallelMap { source -> ArticleParser.Outcome in
            defer { counter.step() }
            var source = source
            // Not read because the cache knew its stamp: the cached parse is the article.
            if source.unread, let kept = stored?[source.path], kept.article != nil {
                return bodiesProvided ? kept : Self.lazilyBodied(kept, source: source, parser: sharedParser)
            }
            if source.unread {
                do {
                    source.bytes = try source.contents()
                    source.unread = false
                } catch {
                    return ArticleParser.Outcome(
                        article: nil,
                        diagnostics: [
                            Diagnostic(
                                file: source.path, message: "cannot read the file: \(ContentLoader.reason(error))", hint: "check its permissions")
                        ])
                }
            }
            let size = source.bytes.count
            let hash = StableHasher.hash(source.bytes)
            if let kept = stored?[source.path], let article = kept.article,
                article.sourceSize == size, article.sourceHash == hash
            {
                // Same bytes, same settings: the same article.
                return Self.lazilyBodied(kept, source: source, parser: sharedParser)
            }
            fresh.insert(source.path)
            var outcome = Self.parse(source, with: parser)
            outcome.article?.sourceSize = size
            outcome.article?.sourceHash = hash
            return outcome
        }
        clock.add("parse", since: parseStart)
        let indexStart = DispatchTime.now().uptimeNanoseconds
        defer { clock.add("index", since: indexStart) }
        // Closures, not key paths: a key path here is read through the runtime for every
        // outcome, on a rebuild's critical path.
        var diagnostics = settingsWarnings + content.diagnostics + outcomes.flatMap { $0.diagnostics }
        guard !diagnostics.hasErrors else { throw BuildFailure(diagnostics: diagnostics.sortedForDisplay()) }

        progress?(BuildProgress(phase: .indexing, done: 0, total: 1))
        let parsed = outcomes.compactMap { $0.article }
        let nowInstant = Int(now.timeIntervalSince1970.rounded(.down))
        // One pass: articles are large values, and every copy of ten thousand of them shows.
        var published: [Article] = []
        published.reserveCapacity(parsed.count)
        var drafts = 0
        var future = 0
        for article in parsed {
            // A draft without a section (the parser has named it) has no section page to go on.
            if article.isDraft && (!includeDrafts || article.section.isEmpty) {
                drafts += 1
            } else if article.date.instant > nowInstant && !includeFuture {
                future += 1
            } else {
                published.append(article)
            }
        }

        let freshlyParsed = fresh.all
        let articlesDigest = Self.articlesDigest(published, last: storedParses)
        let layoutKey = SiteLayout.key(config: config, articlesDigest: articlesDigest)
        let kept = keptLayout(key: layoutKey, published: published, freshlyParsed: freshlyParsed)
        let (layout, indexDiagnostics) = kept.map { ($0, []) } ?? SiteIndexer(config: config).layout(published)
        var site = Site(config: config, articles: published, layout: layout)
        site.buildInstant = nowInstant
        diagnostics += indexDiagnostics
        let (aliases, aliasDiagnostics) = site.aliases()
        diagnostics += aliasDiagnostics
        diagnostics += site.translationKeyWarnings()
        // Strings missing from the theme's files for the languages pages are written in.
        diagnostics += templates.strings.warnings(for: site.languages)
        guard !diagnostics.hasErrors else { throw BuildFailure(diagnostics: diagnostics.sortedForDisplay()) }
        var parsedByPath: [String: ArticleParser.Outcome] = [:]
        parsedByPath.reserveCapacity(outcomes.count)
        for outcome in outcomes { if let article = outcome.article { parsedByPath[article.sourcePath] = outcome } }
        var indexed = Indexed(
            site: site, warnings: diagnostics.sortedForDisplay(), skippedDrafts: drafts, skippedFuture: future,
            parsed: parsedByPath, parseSettings: settings, freshlyParsed: freshlyParsed)
        (indexed.layout, indexed.layoutKey, indexed.keptLayout) = (layout, layoutKey, kept != nil)
        (indexed.published, indexed.articlesDigest) = (published, articlesDigest)
        indexed.aliases = aliases
        indexed.editions = site.editionSites()
        return indexed
    }

    /// The last build's layout, when this build's articles go just where that build's went:
    /// same settings, the same articles in the same order, and none of those parsed again
    /// changed outside its body. Indexing every article again was a large part of a one-edit
    /// rebuild.
    func keptLayout(key: UInt64, published: [Article], freshlyParsed: Set<String>) -> SiteLayout? {
        guard let stored = storedParses, let layout = stored.layout, stored.layoutKey == key else { return nil }
        if !freshlyParsed.isEmpty {
            let isFresh = SourcePaths(freshlyParsed)
            for article in published where isFresh.contains(article.sourcePath) {
                guard let before = stored.articles[article.sourcePath]?.article, before.sameOutsideBody(as: article) else {
                    return nil
                }
            }
        }
        // A session's layout was made for these articles; one decoded may be damaged.
        return stored.inMemory || layout.fits(published) ? layout : nil
    }

    /// `SiteLayout.articlesDigest(published)`, taken from a session's last build when that
    /// indexed the same sources in the same order: comparing the articles, mostly the very
    /// objects it held, costs far less than hashing every path again.
    static func articlesDigest(_ published: [Article], last: BuildCache?) -> UInt64 {
        if let last, last.inMemory, let before = last.publishedArticles, before.count == published.count,
            zip(before, published).allSatisfy({ $0.hasSameSource(as: $1) })
        {
            return last.articlesDigest
        }
        return SiteLayout.articlesDigest(published)
    }

    /// What a site's `structureFingerprint` stands on besides its articles' fields and places:
    /// `seed`, and which articles show as scheduled at the build's time.
    static func structureBasis(_ site: Site, seed: UInt64) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(seed)
        for (index, placed) in site.articles.enumerated() where placed.article.date.instant > site.buildInstant {
            hasher.combine(index)
        }
        return hasher.finalize()
    }

    /// A cached parse whose body is made again, from the source, only if a page that shows it
    /// is rendered.
    static func lazilyBodied(_ kept: ArticleParser.Outcome, source: SourceFile, parser: SharedParser) -> ArticleParser.Outcome {
        // The cache decodes bodies still to be made (`ArticleBody()`), given their maker in
        // place. An article a session kept in memory (`BuildSession`) has its body already,
        // from the same source and parse settings, and keeps it: giving every article a new
        // one would mean copying each and freeing the old.
        kept.article?.body.provide(bodyMaker(source, parser: parser))
        return kept
    }

    /// Makes a body by parsing its source again.
    private static func bodyMaker(_ source: SourceFile, parser: SharedParser) -> @Sendable () -> ArticleBody.Made {
        {
            var source = source
            source.bytes = (try? source.contents()) ?? Data()
            source.unread = false
            let article = Self.parse(source, with: parser.parser).article
            return (article?.bodyHTML ?? "", article?.bodyLinks ?? [])
        }
    }

    /// The parser every cached article's body is made with, behind one reference: a copy of
    /// the parser (and so of the settings) in each body's closure showed in one-edit rebuilds.
    final class SharedParser: Sendable {
        let parser: ArticleParser

        init(_ parser: ArticleParser) {
            self.parser = parser
        }
    }

    static func parse(_ source: SourceFile, with parser: ArticleParser) -> ArticleParser.Outcome {
        switch FrontMatterSplitter.split(source) {
        case let .success(document): parser.parse(document)
        case let .failure(diagnostic): ArticleParser.Outcome(article: nil, diagnostics: [diagnostic])
        }
    }

    /// Stands for everything besides a file's bytes that decides how it parses.
    static func parseSettings(_ config: SiteConfig, assets: Set<String>) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(config.timeZone.identifier)
        hasher.combine(config.unsafeHTML)
        for asset in assets.sorted() { hasher.combine(asset) }
        return hasher.finalize()
    }
}
