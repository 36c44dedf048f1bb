import Foundation

extension SiteBuilder {
    /// What this build learnt, for the next one (see `BuildCache`).
    func records(
        previous: BuildCache?, content: ContentSnapshot, sourceStamps: Background<[UInt8]>, indexed: Pipeline.Indexed,
        plan: RenderPlan, rendered: RenderedFingerprints, kept: KeptOutput, output: URL, written: [String: FileStamp],
        sourcesStatedAtSeconds: Int, listing: OutputListing.Result?, changedPaths: [String]
    ) -> BuildCache {
        var cache = BuildCache(
            generator: GeneratorIdentity.current, parseSettings: indexed.parseSettings,
            output: options.outputDirectory.path)
        cache.articles = indexed.parsed
        if options.session != nil {
            // Indexed articles were parsed, or given their body's maker (`Pipeline.lazilyBodied`).
            cache.inMemory = true
            (cache.publishedArticles, cache.articlesDigest) = (indexed.published, indexed.articlesDigest)
            if content.listing != nil { cache.content = content.withoutBytes }
        }
        // Bucket files are kept on disk only; a session holds no files.
        if let previous, options.session == nil {
            // Parsed again, added or gone. Every article not parsed again came from the last
            // build's cache, so the articles but the added ones are a subset of its articles;
            // as many of them as it had means the same set, none gone, and no table of every
            // path is walked.
            var changed = indexed.freshlyParsed
            let previousArticles = previous.articles
            let added = changed.filter { previousArticles[$0] == nil }.count
            if previousArticles.count != indexed.parsed.count - added {
                for path in previousArticles.keys where indexed.parsed[path] == nil { changed.insert(path) }
            }
            cache.keepBuckets(unchangedExcept: changed, from: previous)
        }
        cache.sourcesStatedAtSeconds = sourcesStatedAtSeconds
        if options.session == nil {
            cache.sourceStampsTable = sourceStamps.value
        } else {
            // What a decoded cache would hold; there is no save to encode it for.
            cache.sourceStamps.reserveCapacity(content.sources.count)
            for source in content.sources { if let stamp = source.stamp { cache.sourceStamps[source.path] = stamp } }
        }
        cache.files = plan.manifest(rendered, kept: kept, known: written, in: output)
        if options.session != nil {
            // The last build's grouping stands when the files are the same (after most edits).
            if let grouped = previous?.otherFilesByFolder, plan.listsTheLastBuildsFiles(cache.files, rendered: rendered) {
                cache.otherFilesByFolder = grouped
            } else {
                cache.otherFilesByFolder = Dictionary(grouping: cache.files.lazy.filter { !$0.value.isPage }.map(\.key), by: OutputFile.folder(of:))
            }
        }
        // An update knows which folders may have changed: those the listing did not find
        // settled, those it moved files into or out of, and those of files new to the
        // manifest. The rest keep their stamps without another look.
        let changedFolders = OutputListing.folders(holding: changedPaths)
        cache.foldersStatedAtNanoseconds = OutputListing.nowNanoseconds()
        if let previous, !previous.folders.isEmpty, let listing {
            let restamping = listing.unsettled + changedFolders + OutputListing.folders(holding: plan.filesNotInTheLastBuild(rendered: rendered))
            cache.folders = OutputListing.restamped(previous.folders, restamping: restamping, in: output.path)
        } else if let previous, !previous.folders.isEmpty, plan.listsTheLastBuildsFiles(cache.files, rendered: rendered) {
            cache.folders = OutputListing.restamped(previous.folders, restamping: previous.folders.keys, in: output.path)
        } else {
            cache.folders = OutputListing.folderStamps(of: cache.files.keys, in: output.path)
        }
        cache.structure = plan.structure
        cache.structureBasis = plan.structureBasis
        cache.layout = indexed.layout
        cache.layoutKey = indexed.layoutKey
        cache.layoutFileName = indexed.keptLayout ? previous?.layoutFileName : nil
        return cache
    }
}
