import Foundation

/// A whole build on disk: read the site folder, run the pipeline, write the output.
/// Nothing is written unless every stage succeeded.
public struct SiteBuilder: Sendable {
    public var options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    public func build() throws(BuildFailure) -> BuildSummary {
        let start = DispatchTime.now()
        let pipeline = try preparePipeline()
        let content = ContentLoader(siteDirectory: options.siteDirectory).load()
        let result = try pipeline.run(content)
        let files = result.files
        let report: SiteWriter.Report
        do {
            report = try SiteWriter(output: options.outputDirectory).write(files)
        } catch {
            throw BuildFailure(diagnostics: [Diagnostic(
                file: Self.relative(options.outputDirectory, to: options.siteDirectory),
                message: "cannot write the site: \(error)")])
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        return BuildSummary(
            articles: result.site.articles.count, pages: result.pages, files: files.count,
            skippedDrafts: result.skippedDrafts, skippedFuture: result.skippedFuture,
            warnings: result.warnings, report: report, seconds: seconds,
            assumedUTC: !pipeline.config.timeZoneWasSet,
            hasBaseURL: AbsoluteURLs(baseURL: pipeline.config.baseURL) != nil)
    }

    /// Reads site.yml and compiles the templates; errors in either stop the build here.
    func preparePipeline() throws(BuildFailure) -> Pipeline {
        var (config, diagnostics) = SiteConfig.load(from: options.siteDirectory)
        if let baseURL = options.baseURL { config.baseURL = baseURL }
        var templates: TemplateSet?
        do {
            let sources = try TemplateSet.sources(in: options.templatesDirectory)
            switch TemplateSet.compile(sources) {
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
        pipeline.includeDrafts = options.includeDrafts
        pipeline.includeFuture = options.includeFuture
        pipeline.now = options.now
        pipeline.previewScript = options.previewScript
        pipeline.contentRoot = options.siteDirectory
        pipeline.themeAssets = options.templatesDirectory.appendingPathComponent("assets")
        return pipeline
    }

    static func relative(_ url: URL, to base: URL) -> String {
        let path = url.standardizedFileURL.path
        let prefix = base.standardizedFileURL.path + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
