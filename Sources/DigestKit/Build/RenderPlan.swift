import Foundation

/// What a build renders, and what it keeps of the last build's output: decided before anything
/// renders, by comparing the last build's manifest with the new site (`RenderPlan.make`), then
/// carried out by `Pipeline.render(_:plan:into:)`. Asking and acting are two steps, so every
/// decision can be read (and tested) as a value.
struct RenderPlan: Sendable {
    /// Pages to render.
    var pages: [PageJob] = []
    /// Indices into `Site.weeks` of the weeks whose newsletter files to render.
    var newsletterWeeks: [Int] = []
    /// The search index: always rendered, keeping file by file what it can of the last build's.
    var searchIndex = SearchIndexJob()
    /// Feeds to render (none without a base URL). `robots.txt` and the sitemap are always made:
    /// they are small, and staging leaves a file with the same bytes alone.
    var feeds: [AtomFeed.Spec] = []
    /// Files copied from the site (images beside articles, theme assets).
    var copies: [OutputFile] = []
    /// The last build's files left as they are.
    var kept: KeptOutput
    /// The fingerprint of each file to render that the planning worked out, for the next
    /// build's manifest, pages apart. Pages without one get theirs as they render
    /// (`fingerprintsPages`), and so does a search index without one.
    var fingerprints: [String: UInt64] = [:]
    var pageFingerprints: [String: UInt64] = [:]
    /// Whether rendered files are recorded for the next build at all (a build with the cache).
    var records = false
    /// Whether the pages to render still need a fingerprint for the manifest.
    var fingerprintsPages = false
    /// This build's `Site.structureFingerprint` (when worked out) and its basis, for the cache.
    var structure: UInt64?
    var structureBasis: UInt64 = 0

    /// The search index keeps or patches its files while it renders, as it reads some of the
    /// last build's back (`SearchIndexKeeping`), so the plan hands it what it compares with.
    struct SearchIndexJob: Sendable {
        /// The last build's files and those altered since; nil for a build without the cache.
        var last: Comparison?
        /// The output folder the last build wrote, where kept files are read back.
        var output: URL?
        /// After an edit to bodies only: the positions in `Site.articles` of the articles
        /// parsed again, the only ones that can differ from the last build's.
        var changedBodies: Set<Int>?
    }

    /// What the last build left, as the cache recorded it, and what has become of it since.
    struct LastBuild: Sendable {
        /// Every file that build made: its fingerprint and its stamp on disk afterwards.
        var files: [String: BuildCache.FileRecord]
        /// `files` that are not pages, by folder, when the cache has them (`BuildCache.otherFilesByFolder`).
        var otherFilesByFolder: [String: [String]]? = nil
        var structure: UInt64?
        var structureBasis: UInt64
        /// The output folder that build wrote, where the search index reads its files back.
        var output: URL?
        /// The recorded files no longer as that build left them (another stamp, or gone);
        /// waits for the check of the output (`OutputCheck`) the first time.
        var altered: @Sendable () -> Set<String>
    }
}

/// Fingerprints worked out while rendering (see `RenderPlan.fingerprintsPages`), and the last
/// build's files the search index kept while rendering (`SearchIndexKeeping`).
struct RenderedFingerprints: Sendable {
    var pages: [String: UInt64] = [:]
    var files: [String: UInt64] = [:]
    /// Files the search index kept as the last build left them, each once.
    var kept: [String] = []
    /// Folders whose recorded files the search index kept, but a few.
    var keptFolders: [KeptOutput.Folder] = []
}
