import Foundation

/// What a build reads, where it writes, and which articles it includes.
public struct BuildOptions: Sendable {
    public var siteDirectory: URL
    /// Defaults to `Public/` in the site folder.
    public var outputDirectory: URL
    public var includeDrafts = false
    public var includeFuture = false
    /// Overrides `base_url` from site.yml.
    public var baseURL: String?
    /// Articles dated after this are "future". Fixed per build so every page agrees.
    public var now = Date()
    /// Use the build cache (`BuildCache`): reparse only changed files, rerender only pages
    /// whose inputs changed, and update the output in place. Off for `--clean` and the preview
    /// (which keeps its records in a `session`).
    public var useCache = false
    /// With `useCache`: do not read the cache (a full build), but leave a fresh one (`--clean`).
    public var clean = false
    /// Keeps the build's records in memory for the next build of this process, in place of the
    /// cache on disk (the preview server's rebuilds); see `BuildSession`.
    public var session: BuildSession?
    /// The inputs as the caller read them just now (the preview's watcher): the content is
    /// listed from this reading rather than stamped again.
    public var inputs: InputStamps?
    /// The process ends after this build (the command line): its data is left for the system
    /// to reclaim at exit rather than freed value by value (`ExitRetention`).
    public var keepUntilExit = false
    /// Told how far the build has got (from worker threads), for a progress bar.
    public var progress: (@Sendable (BuildProgress) -> Void)?

    public init(siteDirectory: URL, outputDirectory: URL? = nil) {
        self.siteDirectory = siteDirectory.standardizedFileURL
        self.outputDirectory = (outputDirectory ?? siteDirectory.appendingPathComponent("Public")).standardizedFileURL
    }

    public var templatesDirectory: URL { siteDirectory.appendingPathComponent("Templates") }
}

/// What a finished build did, for the one-line summary.
public struct BuildSummary: Sendable {
    public var articles: Int
    public var pages: Int
    public var files: Int
    public var skippedDrafts: Int
    public var skippedFuture: Int
    public var warnings: [Diagnostic]
    public var report: SiteWriter.Report
    public var seconds: Double
    /// Set when site.yml names no time zone, so days were cut in UTC.
    public var assumedUTC: Bool
    /// Without a base URL the features that need absolute URLs are left out.
    public var hasBaseURL: Bool
    /// How many articles were parsed (the rest came from the build cache).
    public var parsed = 0
    /// Whether the output was updated in place from the build cache.
    public var incremental = false
    /// The ISO weeks the site has, each with a week page and a newsletter.
    public var weeks: [ISOWeek] = []
    /// Each week's page folders (`weeks/2019-W07/`, and `zh/weeks/2019-W07/` on a site in
    /// several languages), where its newsletter files are.
    public var weekFolders: [ISOWeek: [String]] = [:]
    /// Each published article's source (`Content/2019/02/a.md`) and its page's folder
    /// (`articles/a/`), so that a caller can tell which pages moved since an earlier build.
    /// Left empty for a build with a `session` when `placesKept`: its caller has them from
    /// the build before.
    public var articleFolders: [String: String] = [:]
    /// Every article's page is where the last build (of the same cache or session) put it.
    public var placesKept = false
    /// Wall time by stage (`StageClock`), in the order the stages ran.
    public var stages: [StageClock.Stage] = []

    /// The stages as a table, for `digest build --timings`; stages on threads of their own
    /// overlap the others, so the column does not add up to the total.
    public var stageTable: String {
        let width = stages.map(\.name.count).max() ?? 0
        var lines = stages.map { $0.name.padding(toLength: width, withPad: " ", startingAt: 0) + String(format: "  %7.3f s", $0.seconds) }
        lines.append("total".padding(toLength: width, withPad: " ", startingAt: 0) + String(format: "  %7.3f s", seconds))
        return lines.joined(separator: "\n")
    }

    /// `Built 17 articles into 96 pages in 0.21 s (2 drafts, 1 future skipped; 3 warnings)`.
    public var line: String {
        var text = "Built \(articles) article\(articles == 1 ? "" : "s") into \(pages) pages"
        text += String(format: " in %.2f s", seconds)
        var notes: [String] = []
        if skippedDrafts > 0 { notes.append("\(skippedDrafts) draft\(skippedDrafts == 1 ? "" : "s") skipped") }
        if skippedFuture > 0 { notes.append("\(skippedFuture) future skipped") }
        notes.append("\(report.written) written, \(report.unchanged) unchanged, \(report.removed) removed")
        if incremental { notes.append("incremental: \(parsed) parsed") }
        if !warnings.isEmpty { notes.append("\(warnings.count) warning\(warnings.count == 1 ? "" : "s")") }
        if assumedUTC { notes.append("time zone UTC: set 'timezone' in site.yml") }
        if !hasBaseURL { notes.append("no base_url: feeds, sitemap and canonical links are off, newsletter links are relative") }
        return text + " (" + notes.joined(separator: "; ") + ")"
    }
}
