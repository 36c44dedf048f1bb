import Foundation
import Synchronization

extension Pipeline {
    /// What to render of an indexed site: everything without `lastBuild`; otherwise only the
    /// files whose inputs changed since, or that are no longer as that build left them.
    /// `records` asks for the fingerprints the next build compares with.
    func plan(_ indexed: Indexed, lastBuild: RenderPlan.LastBuild? = nil, records: Bool = false) -> RenderPlan {
        RenderPlan.Planner(
            site: indexed.site, templates: templates, seed: fingerprintSeed(indexed), lastBuild: lastBuild,
            records: records, keptLayout: indexed.keptLayout, freshlyParsed: indexed.freshlyParsed,
            copies: assetFiles(indexed.site) + themeAssets, editions: indexed.editions
        ).plan()
    }

    /// Renders what `plan` lists, handing each file to `sink` as soon as it is ready (from any
    /// thread), so a large site is never held in memory whole. An error thrown by `sink` stops it.
    /// Every call of `sink` has returned by the time this does.
    func render(
        _ indexed: Indexed, plan: RenderPlan,
        into sink: @escaping @Sendable (OutputFile) throws -> Void
    ) throws(BuildFailure) -> Result {
        let site = indexed.site
        // One for a site in one language; each language's pages render from its own.
        let editions = indexed.editions.isEmpty ? site.editionSites() : indexed.editions
        let seed = fingerprintSeed(indexed)
        let fingerprints = Mutex(RenderedFingerprints())
        // Needs every article and no template: made and handed over on its own thread while the
        // pages render, so its many files are not staged after the pages, one by one.
        let searchKeeping = plan.searchIndex.last.map { SearchIndexKeeping(last: $0, output: plan.searchIndex.output) }
        let searchIndex = Background { [site, editions, job = plan.searchIndex, clock, strings = templates.strings] () -> (any Error)? in
            clock.time("search index (own thread)") {
                do {
                    for edition in editions {
                        let index = EditionSearchIndex(site: site, edition: edition, words: strings.localization(edition.config.language))
                        try index.outputFiles(reuse: searchKeeping, seed: seed, changedBodies: job.changedBodies, into: sink)
                    }
                    return nil
                } catch {
                    return error
                }
            }
        }
        let pageCount = site.pageCount
        let counter = ProgressCounter(.rendering, total: pageCount, report: progress)
        counter.step(by: pageCount - plan.pages.count)
        do {
            try clock.time("render pages") {
                try renderPages(
                    plan.pages, of: editions, fingerprintSeed: plan.fingerprintsPages ? seed : nil, counter: counter,
                    into: sink
                ) { file, fingerprint in fingerprints.withLock { $0.pages[file] = fingerprint } }
            }
            progress?(BuildProgress(phase: .finishing, done: 0, total: 1))
            if let failure = clock.time("search index (waited for)", { searchIndex.value }) { throw failure }
            try clock.time("newsletters") {
                for edition in editions {
                    let weeks = plan.newsletterWeeks.compactMap { site.editionWeek($0, of: edition.edition) }
                    for file in Newsletter(site: edition, templates: templates).files(weeks: weeks) { try sink(file) }
                }
            }
            try clock.time("feeds, sitemap") { for file in publishingFiles(site, editions: editions, feeds: plan.feeds) { try sink(file) } }
            // Small and few: made on every build rather than planned.
            try clock.time("redirects, copies") {
                for file in Redirects(site: site).files(indexed.aliases) { try sink(file) }
                for file in plan.copies { try sink(file) }
            }
        } catch {
            // The index's thread may still be handing files over; it must be done first.
            _ = searchIndex.value
            throw BuildFailure(diagnostics: [Diagnostic(file: "Public", message: "cannot write the site: \(error)")])
        }
        var result = Result(
            site: site, files: [], pages: pageCount, skippedDrafts: indexed.skippedDrafts,
            skippedFuture: indexed.skippedFuture, warnings: indexed.warnings)
        result.fingerprints = fingerprints.withLock { $0 }
        if let search = searchKeeping?.decisions {
            result.fingerprints.files.merge(search.fingerprints) { _, searched in searched }
            result.fingerprints.kept = search.kept
            result.fingerprints.keptFolders = search.keptFolders
        }
        return result
    }

    /// Renders `jobs` on every core; with `fingerprintSeed`, hands each page's fingerprint to
    /// `record`. The first error stops it.
    private func renderPages(
        _ jobs: [PageJob], of editions: [Site], fingerprintSeed seed: UInt64?, counter: ProgressCounter,
        into sink: @Sendable (OutputFile) throws -> Void,
        record: @Sendable (String, UInt64) -> Void
    ) throws {
        guard !jobs.isEmpty else { return }
        let renderers = editions.map { SiteRenderer(site: $0, templates: templates) }
        // Their memos (every article's list item and its HTML) kept one thread freeing them
        // while the other had nothing to do.
        defer { if keepsUntilExit { ExitRetention.keep(renderers) } }
        let failure = jobs.parallelMap { job -> Error? in
            do {
                defer { counter.step() }
                let (html, fingerprint) = renderers[job.edition].render(job, fingerprintSeed: seed)
                if let fingerprint { record(job.file, fingerprint) }
                try sink(OutputFile(path: job.file, content: .bytes(html)))
                return nil
            } catch {
                return error
            }
        }.lazy.compactMap { $0 }.first
        if let failure { throw failure }
    }

    /// `robots.txt`, and with a base URL (they need absolute URLs) the sitemap and `feeds`.
    func publishingFiles(_ site: Site, editions: [Site], feeds: [AtomFeed.Spec]) -> [OutputFile] {
        let urls = AbsoluteURLs(baseURL: site.config.baseURL)
        let sitemap = Sitemap(site: site, urls: urls)
        var files = [OutputFile.text("robots.txt", sitemap.robots())]
        guard let urls else { return files }
        if let xml = sitemap.render(editions) { files.append(.text("sitemap.xml", xml)) }
        let atoms = editions.map { AtomFeed(site: $0, urls: urls, words: templates.strings.localization($0.config.language)) }
        files += feeds.parallelMap { OutputFile.text($0.file, atoms[$0.edition].render($0)) }
        return files
    }
}
