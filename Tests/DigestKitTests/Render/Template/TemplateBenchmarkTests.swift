import Foundation
import Testing

@testable import DigestKit

/// Template time alone, the compiled renderer against swift-mustache, on a site folder named by
/// `DIGEST_TEMPLATE_BENCH` (skipped without it). Meant for a release build:
/// `swift test -c release -Xswiftc -enable-testing --filter TemplateBenchmarkTests`.
///
/// Both render the same contexts on one thread: every page (its list items' HTML made once
/// beforehand, as builds share it), every article's item partial, every newsletter. Each is
/// timed as the thread's CPU time, best of three rounds.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["DIGEST_TEMPLATE_BENCH"] != nil, "set DIGEST_TEMPLATE_BENCH to a site folder"))
struct TemplateBenchmarkTests {
    static func threadCPUTime() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    @Test func compiledAgainstSwiftMustache() throws {
        let folder = URL(fileURLWithPath: ProcessInfo.processInfo.environment["DIGEST_TEMPLATE_BENCH"]!)
        let templates = try repositoryTemplates()
        let config = SiteConfig.load(from: folder).config
        let site = try TemplateDifferentialTests.site(folder, config: config, templates: templates)
        let reference = try MustacheReference(templates.sources)
        let renderer = SiteRenderer(site: site, templates: templates)
        let pages = site.pageJobs().map { renderer.prepare($0) }
        for page in pages { _ = templates.render(page.context, template: page.template) }
        let words = renderer.views.words
        let items: [[String: Any]] = site.articles.indices.map { index in
            var context = renderer.views.item(index).values
            context["site"] = ["title": site.config.title, "description": site.config.description, "language": site.config.language]
            context["assets"] = "assets/"
            context["t"] = words.templateStrings
            context["root"] = "../"
            return context
        }
        let newsletter = Newsletter(site: site, templates: templates)
        let issues = site.weeks.indices.map { Newsletter.Issue(newsletter, week: $0).context(leads: 5) }

        func measure(_ render: (Any, String) -> String) -> (pages: Double, items: Double, newsletters: Double, bytes: Int) {
            var best = (pages: Double.infinity, items: Double.infinity, newsletters: Double.infinity, bytes: 0)
            for _ in 0..<3 {
                var bytes = 0
                var start = Self.threadCPUTime()
                for page in pages { bytes += render(page.context, page.template).utf8.count }
                let pageTime = Self.threadCPUTime() - start
                start = Self.threadCPUTime()
                for item in items { bytes += render(item, ItemHTMLCache.partial).utf8.count }
                let itemTime = Self.threadCPUTime() - start
                start = Self.threadCPUTime()
                for issue in issues {
                    bytes += render(issue, "newsletter").utf8.count + render(issue, "newsletter-text").utf8.count
                }
                let newsletterTime = Self.threadCPUTime() - start
                best = (min(best.pages, pageTime), min(best.items, itemTime), min(best.newsletters, newsletterTime), bytes)
            }
            return best
        }
        let ours = measure { templates.render($0, template: $1) }
        let theirs = measure { reference.render($0, template: $1) }
        #expect(ours.bytes == theirs.bytes)
        func line(_ name: String, _ a: Double, _ b: Double) -> String {
            "\(name): swift-mustache \(String(format: "%.3f", b)) s, compiled \(String(format: "%.3f", a)) s, \(String(format: "%.2f", b / a))×"
        }
        print(
            """
            template CPU time, \(site.articles.count) articles, \(pages.count) pages, \(issues.count) newsletters:
            \(line("pages", ours.pages, theirs.pages))
            \(line("items", ours.items, theirs.items))
            \(line("newsletters", ours.newsletters, theirs.newsletters))
            \(line("total", ours.pages + ours.items + ours.newsletters, theirs.pages + theirs.items + theirs.newsletters))
            """)
    }
}
