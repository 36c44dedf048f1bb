import Foundation

/// `digest check`: everything a build would report, plus what only a look at the whole built site
/// finds: broken internal links and anchors, duplicate titles on one day, articles without tags,
/// sections missing from site.yml's list. Runs the pipeline in memory; nothing is written.
public struct SiteChecker: Sendable {
    public var options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Problems, errors and warnings, sorted by file and line.
    public func check() -> [Diagnostic] {
        let pipeline: Pipeline
        do {
            pipeline = try SiteBuilder(options: options).preparePipeline()
        } catch {
            return error.diagnostics
        }
        let content = ContentLoader(siteDirectory: options.siteDirectory).load()
        let result: Pipeline.Result
        do {
            result = try pipeline.run(content)
        } catch {
            return error.diagnostics
        }
        var problems = result.warnings
        problems += AddressBook.load(from: options.siteDirectory)?.moves(in: result.site) ?? []
        problems += linkProblems(result)
        problems += editorialProblems(result.site)
        return problems.sortedForDisplay()
    }

    /// Every local `href`/`src` must name a file of the output, and every `#fragment` an id on
    /// the page it points to.
    func linkProblems(_ result: Pipeline.Result) -> [Diagnostic] {
        var pages: [String: HTMLLinks] = [:]
        var files = Set<String>()
        for file in result.files {
            files.insert(file.path)
            guard file.path.hasSuffix(".html"), case let .bytes(data) = file.content else { continue }
            pages[file.path] = HTMLLinks(html: String(decoding: data, as: UTF8.self))
        }
        let articleByPage = Dictionary(uniqueKeysWithValues: result.site.articles.map { ($0.path.file, $0.article) })
        var problems: [Diagnostic] = []
        for (page, links) in pages.sorted(by: { $0.key < $1.key }) {
            for target in Set(links.targets).sorted() {
                guard let problem = LinkTarget.problem(target, from: page, files: files, pages: pages) else { continue }
                // A link written in an article body is reported at its line in the Markdown file.
                if let article = articleByPage[page], let reference = article.bodyLinks.first(where: { $0.destination == target }) {
                    problems.append(
                        Diagnostic(
                            file: article.sourcePath, line: reference.line,
                            message: "broken link '\(target)': \(problem)", hint: "fix or remove the link"))
                } else {
                    problems.append(
                        Diagnostic(
                            file: "Public/\(page)", message: "broken link '\(target)': \(problem)",
                            hint: "the link comes from a template in Templates/"))
                }
            }
        }
        return problems
    }

    func editorialProblems(_ site: Site) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for day in site.days {
            var seen: [String: Article] = [:]
            for index in day.articles {
                let article = site.articles[index].article
                let key = TermKey.normalize(article.title)
                if let first = seen[key] {
                    problems.append(
                        .warning(
                            file: article.sourcePath, line: 2,
                            message: "the title '\(article.title)' is also used by \(first.sourcePath) on the same day",
                            hint: "readers cannot tell them apart in the day's digest"))
                } else {
                    seen[key] = article
                }
            }
        }
        let configured = Set(site.config.sections.map { TermKey.normalize($0.id) })
        for placed in site.articles {
            let article = placed.article
            if article.tags.isEmpty {
                problems.append(
                    .warning(
                        file: article.sourcePath, message: "the article has no tags",
                        hint: "add 'tags:' so readers can find it from the tag pages"))
            }
            if !configured.isEmpty, !configured.contains(TermKey.normalize(article.section)) {
                problems.append(
                    Diagnostic(
                        file: article.sourcePath,
                        message: "the section '\(article.section)' is not in site.yml's sections",
                        hint: "use one of \(site.config.sections.map(\.id).joined(separator: ", ")), or add it to site.yml"))
            }
        }
        return problems
    }
}

/// Resolves a link found on a built page against the output.
enum LinkTarget {
    /// Why `target` on `page` is broken, or nil when it resolves.
    static func problem(_ target: String, from page: String, files: Set<String>, pages: [String: HTMLLinks]) -> String? {
        if target.isEmpty { return "the link is empty" }
        if target.hasPrefix("/") { return "root-absolute links break under a sub-path and from disk" }
        if let colon = target.firstIndex(of: ":"), !target[..<colon].contains("/") { return nil }  // http:, mailto:
        var path = Substring(target)
        var fragment: Substring?
        if let hash = path.firstIndex(of: "#") {
            fragment = path[path.index(after: hash)...]
            path = path[..<hash]
        }
        if let query = path.firstIndex(of: "?") { path = path[..<query] }
        var resolved = page
        if !path.isEmpty {
            let folder = (page as NSString).deletingLastPathComponent
            let decoded = String(path).removingPercentEncoding ?? String(path)
            guard let joined = join(folder, decoded) else { return "it climbs above the site root" }
            resolved = joined
            if !files.contains(resolved), files.contains(prefixed(resolved, "index.html")) {
                resolved = prefixed(resolved, "index.html")
            }
            guard files.contains(resolved) else { return "there is no \(resolved.isEmpty ? "index.html" : resolved)" }
        }
        if let fragment, !fragment.isEmpty {
            let id = String(fragment).removingPercentEncoding ?? String(fragment)
            if let links = pages[resolved], !links.ids.contains(id) { return "\(resolved) has no anchor '#\(id)'" }
        }
        return nil
    }

    /// `folder` + `relative` with `.` and `..` applied; nil when it climbs above the root.
    static func join(_ folder: String, _ relative: String) -> String? {
        var parts = folder.split(separator: "/").map(String.init)
        for part in relative.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }

    static func prefixed(_ folder: String, _ file: String) -> String {
        folder.isEmpty ? file : folder + "/" + file
    }
}
