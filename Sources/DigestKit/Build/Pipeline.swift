import Foundation
import Synchronization

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
    /// Where the build's time goes, stage by stage (`digest build --timings`).
    public var clock = StageClock()
    /// Warnings found before the build (site.yml, the theme's strings files), reported with
    /// the articles' own.
    public var settingsWarnings: [Diagnostic] = []
    /// Parses kept on disk by the last build (`BuildCache`); used when its parse settings match.
    public var storedParses: BuildCache?
    /// The process ends after this build (`BuildOptions.keepUntilExit`): what rendering made
    /// for itself is left for the system to reclaim rather than freed on the build's time.
    public var keepsUntilExit = false

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
        /// Fingerprints worked out while rendering, for the next build's manifest.
        var fingerprints = RenderedFingerprints()
    }

    /// Parses every source in parallel, then indexes and renders, keeping every file in memory.
    /// All bad files are reported together in the thrown `BuildFailure`.
    public func run(_ content: ContentSnapshot) throws(BuildFailure) -> Result {
        let files = Collected()
        let indexed = try index(content)
        var result = try render(indexed, plan: plan(indexed)) { files.append($0) }
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
        /// The articles indexed, in their order, and their `SiteLayout.articlesDigest`.
        var published: [Article] = []
        var articlesDigest: UInt64 = 0
        /// The articles' old addresses, each written as a redirect.
        public var aliases: [Site.Alias] = []
        /// Each language's edition as a site of its own (`Site.editionSites`), made once.
        public var editions: [Site] = []
    }

    /// Files handed over from many threads, gathered for the in-memory `run`.
    final class Collected: Sendable {
        private let files = Mutex<[OutputFile]>([])

        func append(_ file: OutputFile) { files.withLock { $0.append(file) } }

        /// In a stable order, whatever order the threads finished in.
        var all: [OutputFile] { files.withLock { $0.sorted { $0.path < $1.path } } }
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
                return OutputFile(
                    path: placed.path.folder + relative,
                    content: .copy(root.appendingPathComponent(asset)))
            }
        }
    }

    /// The theme's `assets/**` (CSS, favicon, scripts), written to the same paths.
    public var themeAssets: [OutputFile] = []

    /// The site folder, to resolve asset paths (which start with `Content/`); nil in memory-only runs.
    public var contentRoot: URL?
}
