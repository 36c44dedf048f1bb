import ArgumentParser
import DigestKit
import Foundation

/// What a build includes and where it writes: shared by `build` and `newsletter`.
struct BuildFlags: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Where to write the site (default: Public/ in the site folder).", valueName: "dir"))
    var output: String?

    @Flag(name: .long, help: "Include articles marked 'draft: true'.")
    var drafts = false

    @Flag(name: .long, help: "Include articles dated after now.")
    var future = false

    @Option(
        name: .customLong("base-url"), help: ArgumentHelp("Public address of the site, for absolute URLs (overrides base_url in site.yml).", valueName: "url"))
    var baseURL: String?

    @Flag(name: .long, help: "Ignore the build cache (.digest-cache/): parse every article and write the whole output folder afresh.")
    var clean = false

    @Flag(name: .long, help: "Print how long each stage of the build took, on standard error (quiet or not).")
    var timings = false

    func buildOptions(site: URL) -> BuildOptions {
        var options = BuildOptions(siteDirectory: site, outputDirectory: output.map { URL(fileURLWithPath: $0, isDirectory: true) })
        options.includeDrafts = drafts
        options.includeFuture = future
        options.baseURL = baseURL
        options.useCache = true
        options.clean = clean
        options.keepUntilExit = true
        return options
    }

    /// Builds, prints warnings and the summary line; on failure prints every error and exits
    /// non-zero.
    func build(_ siteOptions: SiteOptions) throws -> (BuildOptions, BuildSummary) {
        var options = buildOptions(site: siteOptions.siteDirectory)
        let bar = ProgressBar(verbose: siteOptions.verbose)
        if !siteOptions.quiet { options.progress = { bar.update($0) } }
        do {
            defer { bar.finish() }
            let summary = try SiteBuilder(options: options).build()
            DiagnosticPrinter.print(summary.warnings, quiet: siteOptions.quiet)
            if !siteOptions.quiet { print(summary.line) }
            if timings {
                fflush(nil)  // the summary line first, when both streams go to one terminal
                FileHandle.standardError.write(Data((summary.stageTable + "\n").utf8))
            }
            return (options, summary)
        } catch {
            DiagnosticPrinter.print(error.diagnostics, quiet: false)
            let count = error.errors.count
            FileHandle.standardError.write(Data("Build failed: \(count) error\(count == 1 ? "" : "s"); the output folder was not changed.\n".utf8))
            throw ExitCode.failure
        }
    }
}

/// The `--week`/`WEEK` value: `2019-W07` or `2019-w7`.
enum WeekArgument {
    static func parse(_ text: String) throws -> ISOWeek {
        guard let week = ISOWeek(id: text) else {
            throw ValidationError("'\(text)' is not an ISO week: write it as 2019-W07 (year, W, week 1–52 or 53)")
        }
        return week
    }

    /// Prints where the week's newsletter files are, or fails when the built site has no such week.
    static func printNewsletter(_ week: ISOWeek, options: BuildOptions, summary: BuildSummary) throws {
        guard summary.weeks.contains(week) else {
            let latest = summary.weeks.first.map { " (the latest week with articles is \($0.id))" } ?? ""
            throw CommandError("\(week.id) has no published articles, so it has no newsletter\(latest)")
        }
        // Every language's issue of the week, the default language's first.
        let folders = summary.weekFolders[week] ?? [DigestKit.Site.weekPath(week).folder]
        for folder in folders {
            for name in [DigestKit.Newsletter.htmlName, DigestKit.Newsletter.textName] {
                print(options.outputDirectory.appendingPathComponent(folder + name).path)
            }
        }
        if !summary.hasBaseURL {
            FileHandle.standardError.write(
                Data("note: links in the newsletter are relative to the week page until base_url is set (site.yml or --base-url)\n".utf8))
        }
    }
}
