/// What a build renders, and what it keeps of the last build's output: decided before anything
/// renders, by comparing the last build's manifest with the new site (`RenderPlan.make`), then
/// carried out by `Pipeline.render(_:plan:into:)`. Asking and acting are two steps, so every
/// decision can be read (and tested) as a value.
struct RenderPlan: Sendable {
    /// Pages to render.
    var pages: [PageJob] = []
    /// Indices into `Site.weeks` of the weeks whose newsletter files to render.
    var newsletterWeeks: [Int] = []
    /// The search index to render, nil to keep the last build's.
    var searchIndex: SearchIndexJob?
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

    struct SearchIndexJob: Sendable {
        /// The entries, when the planning gathered them to compare fingerprints.
        var entries: [SearchIndex.Entry]?
    }

    /// What the last build left, as the cache recorded it, and what has become of it since.
    struct LastBuild: Sendable {
        /// Every file that build made: its fingerprint and its stamp on disk afterwards.
        var files: [String: BuildCache.FileRecord]
        var structure: UInt64?
        var structureBasis: UInt64
        /// The recorded files no longer as that build left them (another stamp, or gone);
        /// waits for the check of the output (`OutputCheck`) the first time.
        var altered: @Sendable () -> Set<String>
    }
}

/// Fingerprints worked out while rendering (see `RenderPlan.fingerprintsPages`).
struct RenderedFingerprints: Sendable {
    var pages: [String: UInt64] = [:]
    var files: [String: UInt64] = [:]
}
