import Foundation

/// The build as values: sources in, output files out. Load and Write are the only stages that
/// touch the disk; everything between runs here, so tests can drive a whole build in memory.
public struct Pipeline: Sendable {
    public var config: SiteConfig
    public var templates: TemplateSet
    public var includeDrafts = false
    public var includeFuture = false
    public var now = Date()
    /// Called from worker threads as articles are parsed and pages rendered.
    public var progress: (@Sendable (BuildProgress) -> Void)?
    /// Parses kept from an earlier build in this process (the preview server's).
    public var parseCache: ParseCache?
    /// Parses kept on disk by the last build (`BuildCache`); used when its parse settings match.
    public var storedParses: BuildCache?

    public init(config: SiteConfig, templates: TemplateSet) {
        self.config = config
        self.templates = templates
    }

    public struct Result: Sendable {
        public var site: Site
        public var files: [OutputFile]
        public var pages: Int
        public var skippedDrafts: Int
        public var skippedFuture: Int
        public var warnings: [Diagnostic]
    }

    /// Parses every source in parallel, then indexes and renders, keeping every file in memory.
    /// All bad files are reported together in the thrown `BuildFailure`.
    public func run(_ content: ContentSnapshot) throws(BuildFailure) -> Result {
        let files = Collected()
        var result = try render(try index(content)) { files.append($0) }
        result.files = files.all
        return result
    }

    /// The site as parsed and indexed: every problem in the input has been found by now.
    public struct Indexed: Sendable {
        public var site: Site
        public var warnings: [Diagnostic]
        public var skippedDrafts: Int
        public var skippedFuture: Int
        /// Every article parsed, drafts and future ones too, by source path: for the cache.
        public var parsed: [String: ArticleParser.Outcome] = [:]
        /// Stands for the settings every parse depends on.
        public var parseSettings: UInt64 = 0
        /// Source paths of the articles parsed afresh (the rest came from a cache).
        public var freshlyParsed: Set<String> = []
        /// How the site was laid out, and what from; `keptLayout` when it is the last build's.
        var layout: SiteLayout?
        var layoutKey: UInt64 = 0
        var keptLayout = false
    }

    /// Renders an indexed site, handing each file to `sink` as soon as it is ready (from any
    /// thread), so a large site is never held in memory whole. An error thrown by `sink` stops it.
    ///
    /// With `reuse`, a file whose fingerprint has not changed since the last build is not
    /// rendered or handed over at all (`reuse.keptFiles` lists them).
    public func render(_ indexed: Indexed, reuse: PageReuse? = nil,
                       into sink: @Sendable (OutputFile) throws -> Void) throws(BuildFailure) -> Result {
        let site = indexed.site
        let renderer = SiteRenderer(site: site, templates: templates)
        let pageCount = site.pageCount
        // Listed when needed: a rebuild after a body edit names only the pages it renders.
        var listedJobs: [PageJob]?
        func jobs() -> [PageJob] {
            if let listedJobs { return listedJobs }
            let listed = site.pageJobs()
            listedJobs = listed
            return listed
        }
        let seed = fingerprintSeed(indexed)
        let counter = ProgressCounter(.rendering, total: pageCount, report: progress)
        // When only bodies changed, pages that show no changed body are kept unseen.
        let changedBodies: Set<Int>? = reuse?.bodiesOnly(basis: Self.structureBasis(site, seed: seed), keptLayout: indexed.keptLayout,
                                                         structure: { site.structureFingerprint(seed: seed) }) == true
            ? Set(site.articles.indices.filter { indexed.freshlyParsed.contains(site.articles[$0].article.sourcePath) })
            : nil
        // The search index needs every article and no template: made on its own thread while the
        // pages render, instead of after them.
        let searchIndex = Background { SearchIndex(site: site).outputFiles(reuse: reuse, seed: seed, changedBodies: changedBodies) }
        // Pages that show no changed body are the last build's pages: when it recorded them all,
        // they are carried over in one go, unlisted, and only the rest are looked at. Otherwise
        // every page is checked by its fingerprint.
        var toRender: [PageJob]
        var carriedPages = false
        if let changedBodies, let reuse,
           case let changed = changedBodies.sorted().map({ PageJob(kind: .article($0), path: site.articles[$0].path) }),
           reuse.carryOverPages(except: Set(changed.map(\.file)), pageCount: pageCount) {
            carriedPages = true
            toRender = changed
            counter.step(by: pageCount - toRender.count)
        } else {
            toRender = jobs()
        }
        func renderPages(_ pages: [PageJob]) -> Error? {
            pages.parallelMap { job -> Error? in
                do {
                    defer { counter.step() }
                    let prepared = renderer.prepare(job)
                    if let reuse, reuse.canKeep(job.file, fingerprint: PageFingerprint.of(prepared.context, seed: seed), isPage: true) {
                        return nil
                    }
                    try sink(OutputFile.text(job.file, renderer.render(prepared)))
                    return nil
                } catch {
                    return error
                }
            }.lazy.compactMap { $0 }.first
        }
        let failure = renderPages(toRender)
        do {
            if let failure { throw failure }
            // A carried page whose file is no longer as the last build left it is made after all.
            if let reuse, carriedPages {
                let altered = Set(reuse.takeBackAlteredPages())
                if !altered.isEmpty, let failure = renderPages(jobs().filter { altered.contains($0.file) }) { throw failure }
            }
            progress?(BuildProgress(phase: .finishing, done: 0, total: 1))
            for file in searchIndex.value { try sink(file) }
            let publishing = publishingFiles(site, jobs: jobs, reuse: reuse, seed: seed, bodiesOnly: changedBodies != nil)
            for file in publishing { try sink(file) }
            // Copied files (images beside articles, theme assets) are kept unread when their
            // source still has the stamp it had when the kept copy was made: a site with
            // gigabytes of images does not read them all on every rebuild.
            let copies = assetFiles(site) + themeAssets
            let keep = copies.parallelMap { file -> Bool in
                guard let reuse else { return false }
                switch file.content {
                case let .copy(source):
                    guard let stamp = FileStamp(path: source.path) else { return false }
                    return reuse.canKeep(file.path, fingerprint: stamp.fingerprint)
                case let .bytes(data):
                    var hasher = StableHasher()
                    data.withUnsafeBytes { hasher.combine(bytes: $0) }
                    return reuse.canKeep(file.path, fingerprint: hasher.finalize())
                }
            }
            for (file, kept) in zip(copies, keep) where !kept { try sink(file) }
        } catch {
            throw BuildFailure(diagnostics: [Diagnostic(file: "Public", message: "cannot write the site: \(error)")])
        }
        return Result(site: site, files: [], pages: pageCount, skippedDrafts: indexed.skippedDrafts,
                      skippedFuture: indexed.skippedFuture, warnings: indexed.warnings)
    }

    /// Parse (in parallel) and index: everything that can find a problem in the input.
    public func index(_ content: ContentSnapshot) throws(BuildFailure) -> Indexed {
        let parser = ArticleParser(config: config, assets: content.assets)
        let counter = ProgressCounter(.parsing, total: content.sources.count, report: progress)
        let cache = parseCache
        cache?.prepare(.init(timeZone: config.timeZone.identifier, unsafeHTML: config.unsafeHTML, assets: content.assets))
        cache?.keep(only: Set(content.sources.map(\.path)))
        let settings = Self.parseSettings(config, assets: content.assets)
        let stored = storedParses?.parseSettings == settings ? storedParses?.articles : nil
        let fresh = Gathered<String>()
        let sharedParser = SharedParser(parser)
        let outcomes = content.sources.parallelMap { source -> ArticleParser.Outcome in
            defer { counter.step() }
            var source = source
            // Not read because the cache knew its stamp: the cached parse is the article.
            if source.unread, let kept = stored?[source.path], kept.article != nil {
                return Self.lazilyBodied(kept, source: source, parser: sharedParser)
            }
            if source.unread {
                do {
                    source.bytes = try source.contents()
                    source.unread = false
                } catch {
                    return ArticleParser.Outcome(article: nil, diagnostics: [Diagnostic(
                        file: source.path, message: "cannot read the file: \(ContentLoader.reason(error))", hint: "check its permissions")])
                }
            }
            if let cached = cache?.outcome(for: source) { return cached }
            let size = source.bytes.count
            let hash = StableHasher.hash(source.bytes)
            if let kept = stored?[source.path], let article = kept.article,
               article.sourceSize == size, article.sourceHash == hash {
                // Same bytes, same settings: the same article.
                return Self.lazilyBodied(kept, source: source, parser: sharedParser)
            }
            fresh.insert(source.path)
            var outcome = Self.parse(source, with: parser)
            outcome.article?.sourceSize = size
            outcome.article?.sourceHash = hash
            cache?.store(outcome, for: source)
            return outcome
        }
        var diagnostics = content.diagnostics + outcomes.flatMap(\.diagnostics)
        guard !diagnostics.hasErrors else { throw BuildFailure(diagnostics: diagnostics.sortedForDisplay()) }

        progress?(BuildProgress(phase: .indexing, done: 0, total: 1))
        let parsed = outcomes.compactMap(\.article)
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
        let layoutKey = SiteLayout.key(config: config, articles: published)
        let kept = keptLayout(key: layoutKey, published: published, freshlyParsed: freshlyParsed)
        let (layout, indexDiagnostics) = kept.map { ($0, []) } ?? SiteIndexer(config: config).layout(published)
        var site = Site(config: config, articles: published, layout: layout)
        site.buildInstant = nowInstant
        diagnostics += indexDiagnostics
        guard !diagnostics.hasErrors else { throw BuildFailure(diagnostics: diagnostics.sortedForDisplay()) }
        var parsedByPath: [String: ArticleParser.Outcome] = [:]
        parsedByPath.reserveCapacity(outcomes.count)
        for outcome in outcomes { if let article = outcome.article { parsedByPath[article.sourcePath] = outcome } }
        var indexed = Indexed(site: site, warnings: diagnostics.sortedForDisplay(), skippedDrafts: drafts, skippedFuture: future,
                              parsed: parsedByPath, parseSettings: settings, freshlyParsed: freshlyParsed)
        (indexed.layout, indexed.layoutKey, indexed.keptLayout) = (layout, layoutKey, kept != nil)
        return indexed
    }

    /// The last build's layout, when this build's articles go just where that build's went:
    /// same settings, the same articles in the same order, and none of those parsed again
    /// changed outside its body. Indexing ten thousand articles was a fifth of a one-edit
    /// rebuild.
    func keptLayout(key: UInt64, published: [Article], freshlyParsed: Set<String>) -> SiteLayout? {
        guard let stored = storedParses, let layout = stored.layout, stored.layoutKey == key else { return nil }
        if !freshlyParsed.isEmpty {
            for article in published where freshlyParsed.contains(article.sourcePath) {
                guard let before = stored.articles[article.sourcePath]?.article, before.sameOutsideBody(as: article) else {
                    return nil
                }
            }
        }
        return layout.fits(published) ? layout : nil
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
        let make: @Sendable () -> ArticleBody.Made = {
            var source = source
            source.bytes = (try? source.contents()) ?? Data()
            source.unread = false
            let article = Self.parse(source, with: parser.parser).article
            return (article?.bodyHTML ?? "", article?.bodyLinks ?? [])
        }
        // The cache decodes bodies still to be made (`ArticleBody()`), given theirs in place.
        if kept.article?.body.provide(make) == true { return kept }
        var outcome = kept
        outcome.article?.body = ArticleBody(lazy: make)
        return outcome
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

    /// Files handed over from many threads, gathered for the in-memory `run`.
    final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var files: [OutputFile] = []

        func append(_ file: OutputFile) { lock.withLock { files.append(file) } }

        /// In a stable order, whatever order the threads finished in.
        var all: [OutputFile] { lock.withLock { files.sorted { $0.path < $1.path } } }
    }

    /// Feeds and the sitemap (only with a base URL: they need absolute URLs), robots.txt and the
    /// weekly newsletters.
    /// `jobs` lists the pages, for the sitemap.
    func publishingFiles(_ site: Site, jobs: () -> [PageJob], reuse: PageReuse? = nil, seed: UInt64 = 0,
                         bodiesOnly: Bool = false) -> [OutputFile] {
        var files = Newsletter(site: site, templates: templates).files(reuse: reuse, seed: seed, carryOver: bodiesOnly)
        let urls = AbsoluteURLs(baseURL: site.config.baseURL)
        let sitemap = Sitemap(site: site, urls: urls)
        files.append(.text("robots.txt", sitemap.robots()))
        guard let urls else { return files }
        if let xml = sitemap.render(jobs()) { files.append(.text("sitemap.xml", xml)) }
        let atom = AtomFeed(site: site, urls: urls)
        files += atom.specs().parallelMap { spec -> OutputFile? in
            if let reuse, reuse.canKeep(spec.file, fingerprint: atom.fingerprint(spec, seed: seed)) { return nil }
            return OutputFile.text(spec.file, atom.render(spec))
        }.compactMap { $0 }
        return files
    }

    /// What every fingerprint starts from: the templates, the settings, the parse settings
    /// (they shape every body).
    func fingerprintSeed(_ indexed: Indexed) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(templates.fingerprint)
        hasher.combine(config.fingerprint)
        hasher.combine(indexed.parseSettings)
        return hasher.finalize()
    }

    /// Images and other files a body links to, copied into the article's page folder at the same
    /// relative path, so the body's relative links work unchanged.
    func assetFiles(_ site: Site) -> [OutputFile] {
        guard let root = contentRoot else { return [] }
        return site.articles.flatMap { placed -> [OutputFile] in
            guard !placed.article.assets.isEmpty else { return [] }
            let folder = (placed.article.sourcePath as NSString).deletingLastPathComponent
            return placed.article.assets.map { asset in
                let relative = String(asset.dropFirst(folder.count + 1))
                return OutputFile(path: placed.path.folder + relative,
                                  content: .copy(root.appendingPathComponent(asset)))
            }
        }
    }

    /// The theme's `assets/**` (CSS, favicon, scripts), written to the same paths.
    public var themeAssets: [OutputFile] = []

    /// The site folder, to resolve asset paths (which start with `Content/`); nil in memory-only runs.
    public var contentRoot: URL?
}
