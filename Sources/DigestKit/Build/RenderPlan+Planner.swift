import Foundation

extension RenderPlan {
    /// Makes a plan by asking about every output file; it renders and records nothing.
    struct Planner {
        let site: Site
        let templates: TemplateSet
        /// What every fingerprint starts from (`Pipeline.fingerprintSeed`).
        let seed: UInt64
        let lastBuild: LastBuild?
        /// Whether the next build gets a manifest (a build with the cache).
        let records: Bool
        /// The layout is the last build's (`Pipeline.Indexed.keptLayout`).
        let keptLayout: Bool
        /// Source paths of the articles parsed afresh (the rest are the last build's).
        let freshlyParsed: Set<String>
        let copies: [OutputFile]
        /// `site.editionSites()`, when the caller has them (`Pipeline.Indexed.editions`):
        /// made once per build, not once per question.
        var editions: [Site] = []

        func plan() -> RenderPlan {
            var planner = self
            if planner.editions.isEmpty { planner.editions = site.editionSites() }
            return planner.planned()
        }

        /// Every page of every edition (`Site.pageJobs`, from the editions at hand).
        var pageJobs: [PageJob] { editions.flatMap { $0.pageJobs() } }

        private func planned() -> RenderPlan {
            var plan = RenderPlan(kept: KeptOutput(lastBuild: lastBuild?.files ?? [:], otherFilesByFolder: lastBuild?.otherFilesByFolder))
            plan.records = records || lastBuild != nil
            if plan.records { (plan.structure, plan.structureBasis) = structure() }
            // Only bodies changed when every page's context but those showing a body is the
            // last build's: then those pages' files are kept without a look.
            let bodiesOnly = lastBuild != nil && plan.structure == lastBuild?.structure
            let last = Comparison(files: lastBuild?.files ?? [:], altered: lastBuild?.altered() ?? [])
            if lastBuild == nil {
                plan.pages = pageJobs
                plan.fingerprintsPages = plan.records
            } else if bodiesOnly {
                planBodyPages(&plan, last)
            } else {
                planPages(&plan, last)
            }
            planSearchIndex(&plan, last, bodiesOnly: bodiesOnly)
            planNewsletters(&plan, last, bodiesOnly: bodiesOnly)
            planFeeds(&plan, last)
            planCopies(&plan, last)
            return plan
        }

        /// This build's `Site.structureFingerprint` and its basis (`Pipeline.structureBasis`).
        /// With the layout the last build's and the same basis, every article is the same
        /// outside its body, so the fingerprint is the one that build worked out.
        func structure() -> (UInt64, UInt64) {
            let basis = Pipeline.structureBasis(site, seed: seed)
            if keptLayout, basis == lastBuild?.structureBasis, let structure = lastBuild?.structure { return (structure, basis) }
            return (site.structureFingerprint(seed: seed), basis)
        }

        /// Only bodies changed: every page the last build recorded is kept but those of the
        /// articles parsed again and those no longer as it left them, which are rendered.
        ///
        /// Keeping them unlisted is safe because the two sets are equal: the same structure
        /// gives the same pages (they are made from it), and a manifest records every file
        /// its build made (one that could not be stamped with a stamp no file has, so it shows
        /// here as altered).
        func planBodyPages(_ plan: inout RenderPlan, _ last: Comparison) {
            let edited = site.positions(ofSources: freshlyParsed)
                .map { index in
                    let (edition, position) = site.editionOf(article: index)
                    return PageJob(kind: .article(position), path: site.articles[index].path, edition: edition)
                }
            let editedFiles = Set(edited.map(\.file))
            let altered = last.altered.filter { last.files[$0]?.isPage == true && !editedFiles.contains($0) }
            plan.kept.keepRecordedPages(except: editedFiles.union(altered))
            plan.pages = edited + (altered.isEmpty ? [] : pageJobs.filter { altered.contains($0.file) })
            plan.fingerprintsPages = true
        }

        /// Every page is compared by its fingerprint (its whole template context).
        func planPages(_ plan: inout RenderPlan, _ last: Comparison) {
            let renderers = editions.map { SiteRenderer(site: $0, templates: templates) }
            let jobs = pageJobs
            let fingerprints = jobs.parallelMap { renderers[$0.edition].fingerprint($0, seed: seed) }
            plan.pages = plan.keepUnchanged(jobs.map(\.file), fingerprints: fingerprints, last, pages: true).map { jobs[$0] }
        }

        /// The search index keeps what it can of the last build's files while it renders; after
        /// a body edit it patches them for the articles parsed again.
        func planSearchIndex(_ plan: inout RenderPlan, _ last: Comparison, bodiesOnly: Bool) {
            guard plan.records else { return }
            plan.searchIndex = SearchIndexJob(last: last, output: lastBuild?.output)
            if bodiesOnly {
                plan.searchIndex.changedBodies = Set(site.positions(ofSources: freshlyParsed))
            }
        }

        /// Both files of a week come from one context, so they are kept or rendered together.
        /// Newsletters show no body: after a body edit they are kept if intact.
        func planNewsletters(_ plan: inout RenderPlan, _ last: Comparison, bodiesOnly: Bool) {
            let newsletters = editions.map { Newsletter(site: $0, templates: templates) }
            let weeks = Array(site.weeks.indices)
            let records = plan.records
            let fingerprints = weeks.parallelMap { index -> UInt64? in
                let files = Newsletter.files(at: site.weeks[index].path)
                if bodiesOnly && files.allSatisfy(last.isIntact) { return nil }
                let (edition, week) = site.editionOf(week: index)
                return records ? newsletters[edition].fingerprint(week, seed: seed) : 0
            }
            for (index, fingerprint) in zip(weeks, fingerprints) {
                let files = Newsletter.files(at: site.weeks[index].path)
                if let fingerprint, !files.allSatisfy({ last.keeps($0, fingerprint: fingerprint) }) {
                    plan.newsletterWeeks.append(index)
                    if plan.records { for file in files { plan.fingerprints[file] = fingerprint } }
                } else {
                    for file in files { plan.kept.keep(file) }
                }
            }
        }

        /// Feeds show bodies, so each is compared by its fingerprint.
        func planFeeds(_ plan: inout RenderPlan, _ last: Comparison) {
            guard let urls = AbsoluteURLs(baseURL: site.config.baseURL) else { return }
            let atoms = editions.map { AtomFeed(site: $0, urls: urls, words: templates.strings.localization($0.config.language)) }
            let specs = atoms.flatMap { $0.specs() }
            guard plan.records else { return plan.feeds = specs }
            let fingerprints = specs.parallelMap { atoms[$0.edition].fingerprint($0, seed: seed) }
            plan.feeds = plan.keepUnchanged(specs.map(\.file), fingerprints: fingerprints, last, pages: false).map { specs[$0] }
        }

        /// Copied files are kept unread when their source still has the stamp it had when the
        /// kept copy was made (theme assets compiled in: the same bytes): a site with gigabytes
        /// of images does not read them all on every rebuild.
        func planCopies(_ plan: inout RenderPlan, _ last: Comparison) {
            guard plan.records else { return plan.copies = copies }
            let fingerprints = copies.parallelMap(Self.fingerprint(of:))
            for (copy, fingerprint) in zip(copies, fingerprints) {
                if let fingerprint, last.keeps(copy.path, fingerprint: fingerprint) {
                    plan.kept.keep(copy.path)
                } else {
                    plan.copies.append(copy)
                    if let fingerprint { plan.fingerprints[copy.path] = fingerprint }
                }
            }
        }

        /// A copy's source stamp, or the hash of bytes given in place; nil when the source
        /// cannot be stamped (the copy then fails, and says why).
        static func fingerprint(of copy: OutputFile) -> UInt64? {
            switch copy.content {
            case let .copy(source):
                return FileStamp(path: source.path)?.fingerprint
            case let .bytes(data):
                var hasher = StableHasher()
                data.withUnsafeBytes { hasher.combine(bytes: $0) }
                return hasher.finalize()
            }
        }
    }

    /// Keeps each of `files` the last build made from the same inputs (`fingerprints`, in the
    /// same order); gives the indices of the others, to render, with their fingerprints noted.
    mutating func keepUnchanged(_ files: [String], fingerprints: [UInt64], _ last: Comparison, pages: Bool) -> [Int] {
        var toRender: [Int] = []
        for (index, (file, fingerprint)) in zip(files, fingerprints).enumerated() {
            if last.keeps(file, fingerprint: fingerprint) {
                kept.keep(file)
            } else {
                toRender.append(index)
                if pages { pageFingerprints[file] = fingerprint } else { self.fingerprints[file] = fingerprint }
            }
        }
        return toRender
    }

    /// The last build's manifest and what has become of its files: the questions a plan asks.
    struct Comparison: Sendable {
        let files: [String: BuildCache.FileRecord]
        let altered: Set<String>

        /// The file is on disk as the last build left it.
        func isIntact(_ file: String) -> Bool {
            files[file] != nil && !isAltered(file)
        }

        /// The file was made from the same inputs, and is on disk as the last build left it.
        func keeps(_ file: String, fingerprint: UInt64) -> Bool {
            files[file]?.fingerprint == fingerprint && !isAltered(file)
        }

        /// Usually nothing was altered, and a rebuild asks about every search file: an empty
        /// set is not asked, which would hash the path all the same.
        private func isAltered(_ file: String) -> Bool {
            !altered.isEmpty && altered.contains(file)
        }
    }
}
