import Foundation
import Synchronization

/// A whole build on disk: read the site folder, run the pipeline, write the output.
/// Nothing is written unless every stage succeeded.
public struct SiteBuilder: Sendable {
    public var options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    public func build() throws(BuildFailure) -> BuildSummary {
        let start = DispatchTime.now()
        let clock = StageClock()
        let writer = SiteWriter(output: options.outputDirectory)
        // A session holds the last build's records in memory, decoded already.
        let (remembered, outputAsLeft) = options.session?.take() ?? (nil, false)
        let keepsRecords = options.useCache || options.session != nil
        // The last build's cache is decoded on another thread while the templates compile and
        // the content is listed and stamped; the loader waits for it only once it needs it.
        let cached =
            remembered == nil && options.useCache && !options.clean
            ? Background { [siteDirectory = options.siteDirectory] in
                clock.time("read build cache (own thread)") {
                    BuildCache.load(from: siteDirectory, generator: GeneratorIdentity.current)
                }
            } : nil
        var pipeline = try clock.time("settings, theme") { () throws(BuildFailure) in
            // A session's last settings and templates stand while the watcher finds their files unchanged.
            guard let session = options.session else { return try preparePipeline() }
            return try session.pipeline(for: options.inputs) { () throws(BuildFailure) in try preparePipeline() }
        }
        configure(&pipeline)
        pipeline.clock = clock
        options.progress?(BuildProgress(phase: .loading, done: 0, total: 1))
        let sourcesStatedAtSeconds = options.inputs?.readAtSeconds ?? Int(Date().timeIntervalSince1970)
        let content = clock.time("list sources") {
            ContentLoader(siteDirectory: options.siteDirectory).load(
                trusts: {
                    guard let cache = remembered ?? cached?.value else { return { _, _ in false } }
                    return { cache.trusts($0, stamp: $1) }
                }, listed: options.inputs, last: remembered?.content)
        }
        let previous = remembered ?? cached?.value
        // In place only when the cache describes this very output folder, still intact.
        let incremental = previous?.output == options.outputDirectory.path && writer.canUpdateInPlace()
        // An update needs to know which of the output's files were altered since the last
        // build, and at the end which files the output holds, to remove those no longer made.
        // Stamping thousands of files and folders takes a while, so it starts now, beside the
        // indexing and rendering.
        let outputCheck = incremental ? previous!.outputCheck(of: writer, asLeft: outputAsLeft) : nil
        pipeline.storedParses = previous
        // The cache's table of source stamps, encoded beside the build instead of in its save.
        let sourceStamps = Background { [sources = content.sources, inMemory = options.session != nil] in
            inMemory ? [] : BuildCache.stampTable(of: sources)
        }
        let outputName = Self.relative(options.outputDirectory, to: options.siteDirectory)
        let lastBuild = outputCheck.map { check in
            RenderPlan.LastBuild(
                files: previous!.files, otherFilesByFolder: previous!.otherFilesByFolder, structure: previous!.structure,
                structureBasis: previous!.structureBasis,
                output: options.outputDirectory, altered: { check.value.altered })
        }
        // Problems in the input surface before anything is staged, so a bad build never
        // touches the output; once pages render, they go straight to staging.
        let indexed = try pipeline.index(content)
        // Asked here so that the sources' bytes, all parsed by now, are let go before the
        // pages render rather than held to the end.
        let everySourceUnread = content.sources.allSatisfy(\.unread)
        let plan = clock.time("plan") { pipeline.plan(indexed, lastBuild: lastBuild, records: keepsRecords) }
        let result: Pipeline.Result
        var report = SiteWriter.Report()
        let kept: KeptOutput
        let transaction: any OutputTransaction
        do {
            (result, report, kept, transaction) =
                incremental
                ? try write(
                    into: writer.beginUpdate(listing: outputCheck.map { check -> @Sendable () -> OutputListing.Result in { check.value.listing } }),
                    pipeline: pipeline, indexed: indexed, plan: plan)
                : try write(into: writer.begin(), pipeline: pipeline, indexed: indexed, plan: plan)
        } catch let failure as BuildFailure {
            throw failure
        } catch {
            throw BuildFailure(diagnostics: [Diagnostic(file: outputName, message: "cannot write the site: \(error)")])
        }
        // The old output is removed while the addresses and the cache are saved.
        var finished = false
        defer { if !finished { transaction.finish() } }
        var warnings = result.warnings
        // The same structure places every article where the last build did. A session's
        // caller has those places from that build; a cache's recorded them in its address
        // book, and reading it back would only find them equal. Read and compared on its own
        // thread, beside the cache's save.
        let placesKept = previous?.structure != nil && plan.structure == previous?.structure
        let addresses = options.session != nil && placesKept ? nil : AddressBook(result.site)
        let samePlaces = placesKept && AddressBook.exists(in: options.siteDirectory)
        let moves =
            options.useCache && !samePlaces
            ? addresses.map { addresses in
                Background { [site = result.site] in clock.time("addresses (own thread)") { record(addresses, of: site) } }
            } : nil
        // A rebuild that read no source and wrote nothing would save the very cache it loaded.
        let nothingChanged =
            incremental && report.written == 0 && report.removed == 0
            && everySourceUnread && plan.structure == previous?.structure
        // A full build over an old output hard-links the files it found unchanged, and each
        // one's stamp (its change time) moves when the old output's name for it goes: the
        // cache, which records those stamps, is saved once the old output is removed.
        if keepsRecords && !incremental && report.unchanged > 0 {
            clock.time("old output removed (waited for)") { transaction.finish() }
        }
        let records: @Sendable () -> BuildCache = {
            [listing = outputCheck?.value.listing, written = (transaction as? SiteWriter.StagingArea)?.writtenStamps ?? [:], report] in
            self.records(
                previous: previous, content: content, sourceStamps: sourceStamps, indexed: indexed, plan: plan,
                rendered: result.fingerprints, kept: kept, output: writer.output, written: written,
                sourcesStatedAtSeconds: sourcesStatedAtSeconds, listing: listing, changedPaths: report.changedPaths)
        }
        if let session = options.session {
            // Made while the next edit is awaited rather than before this build returns: the
            // next build waits for them only if it starts first (`BuildSession.take`). After a
            // build that changed nothing, the last records stand, and the output is as they say.
            session.remember(nothingChanged && previous != nil ? Background { previous! } : Background(records))
        } else if keepsRecords && !nothingChanged {
            do {
                try clock.time("save cache") {
                    let cache = records()
                    try cache.save(in: options.siteDirectory)
                    if options.keepUntilExit { ExitRetention.keep(cache) }
                }
            } catch {
                // The site is built; only the next build's speed is at stake.
                warnings.append(
                    .warning(
                        file: BuildCache.folderName, message: "cannot save the build cache: \(error)",
                        hint: "the next build will be a full one"))
            }
        }
        if let moves { warnings += clock.time("addresses (waited for)") { moves.value } }
        clock.time("old output removed (waited for)") { transaction.finish() }
        finished = true
        let files = report.written + report.unchanged
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        var summary = BuildSummary(
            articles: result.site.articles.count, pages: result.pages, files: files,
            skippedDrafts: result.skippedDrafts, skippedFuture: result.skippedFuture,
            warnings: warnings, report: report, seconds: seconds,
            assumedUTC: !pipeline.config.timeZoneWasSet,
            hasBaseURL: AbsoluteURLs(baseURL: pipeline.config.baseURL) != nil,
            weeks: result.site.weeks.map(\.week))
        for week in result.site.weeks { summary.weekFolders[week.week, default: []].append(week.path.folder) }
        summary.parsed = indexed.freshlyParsed.count
        summary.incremental = incremental
        summary.articleFolders = addresses?.folders ?? [:]
        summary.placesKept = placesKept
        summary.stages = clock.all
        if options.keepUntilExit { ExitRetention.keep(indexed, result, plan, previous as Any, outputCheck as Any, kept) }
        return summary
    }

    /// Says which pages moved since the last build that recorded its addresses, and records
    /// this build's. A book that cannot be written costs only the next build's move report.
    private func record(_ book: AddressBook, of site: Site) -> [Diagnostic] {
        let last = AddressBook.load(from: options.siteDirectory)
        guard last != book else { return [] }
        do {
            try book.save(in: options.siteDirectory)
        } catch {
            return [
                .warning(
                    file: BuildCache.folderName, message: "cannot record the pages' addresses: \(error)",
                    hint: "the next build cannot tell which pages moved")
            ]
        }
        return last?.moves(in: site) ?? []
    }

    /// Renders into `transaction`: the whole site staged and swapped in (a full build), or only
    /// the files whose inputs changed, moved in one by one (an incremental one).
    private func write(
        into transaction: some OutputTransaction, pipeline: Pipeline, indexed: Pipeline.Indexed,
        plan: RenderPlan
    ) throws -> (Pipeline.Result, SiteWriter.Report, KeptOutput, any OutputTransaction) {
        do {
            let counter = StageCounter()
            let result = try pipeline.render(indexed, plan: plan) { file in counter.count(try transaction.stage(file)) }
            var report = SiteWriter.Report()
            (report.written, report.unchanged) = counter.totals
            let kept = pipeline.clock.time("files kept") { plan.kept(with: result.fingerprints) }
            report.unchanged += kept.count
            try pipeline.clock.time("commit output") { try transaction.commit(kept: kept.keptFiles, report: &report) }
            return (result, report, kept, transaction)
        } catch {
            transaction.abandon()
            throw error
        }
    }

    /// Reads site.yml and compiles the theme's templates (the site's `Templates/` over the built-in ones); errors in either stop the build here.
    func preparePipeline() throws(BuildFailure) -> Pipeline {
        var (config, diagnostics) = SiteConfig.load(from: options.siteDirectory)
        if let baseURL = options.baseURL { config.baseURL = baseURL }
        var templates: TemplateSet?
        let theme = Theme.load(overriding: options.templatesDirectory)
        let (strings, stringProblems) = theme.localizations()
        diagnostics += stringProblems
        do {
            let sources = try theme.templateSources()
            switch TemplateSet.compile(sources, strings: strings) {
            case let .success(compiled): templates = compiled
            case let .failure(failure): diagnostics += failure.diagnostics
            }
        } catch {
            diagnostics.append(Diagnostic(file: "Templates", message: "cannot read the templates: \(error)"))
        }
        guard let templates, !diagnostics.hasErrors else {
            throw BuildFailure(diagnostics: diagnostics.sortedForDisplay())
        }
        var pipeline = Pipeline(config: config, templates: templates)
        // Unknown keys and the like: reported with the build's other warnings.
        pipeline.settingsWarnings = diagnostics
        pipeline.themeAssets = theme.assetFiles
        configure(&pipeline)
        return pipeline
    }

    /// What the pipeline takes from this build's options.
    func configure(_ pipeline: inout Pipeline) {
        pipeline.includeDrafts = options.includeDrafts
        pipeline.includeFuture = options.includeFuture
        pipeline.now = options.now
        pipeline.progress = options.progress
        pipeline.contentRoot = options.siteDirectory
        pipeline.keepsUntilExit = options.keepUntilExit
    }

    static func relative(_ url: URL, to base: URL) -> String {
        let path = url.standardizedFileURL.path
        let prefix = base.standardizedFileURL.path + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}

/// Counts written and unchanged files across threads.
final class StageCounter: Sendable {
    private let counts = Mutex<(written: Int, unchanged: Int)>((0, 0))

    func count(_ wasUnchanged: Bool) {
        counts.withLock { if wasUnchanged { $0.unchanged += 1 } else { $0.written += 1 } }
    }

    var totals: (written: Int, unchanged: Int) { counts.withLock { $0 } }
}
