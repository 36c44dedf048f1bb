import Foundation
import Testing

@testable import DigestKit

@Suite struct PartialMemoTests {
    @Test func theDefaultThemeSharesItsHeaderAndFooter() throws {
        #expect(PartialMemo.candidates(try repositoryTemplates().sources) == ["partials/head", "partials/header", "partials/footer"])
    }

    /// Each theme includes `p`; only the first two let it see nothing but the page's values.
    @Test(arguments: [
        (["page": "a\n{{> p}}\nb", "p": "{{site.title}}"], true),
        (["page": "{{<layout}}{{$main}}x{{/main}}{{/layout}}", "layout": "{{> p}}{{$main}}{{/main}}", "p": "x"], true),
        (["page": "{{#article}}{{> p}}{{/article}}", "p": "{{title}}"], false),
        (["page": "  {{> p}}\n", "p": "line\nline"], false),
        (["page": "{{> q}}", "q": "{{> p}}", "p": "x"], false),
        (["page": "{{> p}}", "p": "{{> q}}", "q": "x"], false),
        (["page": "{{> p}}", "p": "{{.}}"], false),
        (["page": "{{> p}}", "p": "{{$block}}x{{/block}}"], false),
        (["page": "{{% CONTENT_TYPE: TEXT}}\n{{> p}}", "p": "{{b}}"], false),
        (["page": "{{=<% %>=}}<%> p%>", "p": "x"], false),
        (["page": "{{<layout}}{{$main}}{{> p}}{{/main}}{{/layout}}", "layout": "{{$main}}{{/main}}", "p": "x"], false),
        (["page": "{{#x}}{{<layout}}{{/layout}}{{/x}}", "layout": "{{> p}}", "p": "x"], false),
    ])
    func partialsThatMightSeeMoreThanThePageAreLeftAlone(_ sources: [String: String], memoized: Bool) {
        #expect(PartialMemo.candidates(sources).contains("p") == memoized)
    }

    /// Every page of a site with articles at several depths, rendered with and without the memo.
    @Test func pagesComeOutAsWithoutTheMemo() throws {
        var sources = try Theme.builtIn.templateSources()
        // A header that reads a page's own title must still show each page's own.
        sources["partials/footer"] = "<footer>{{page_title}} {{site.title}}</footer>\n"
        let templates = try TemplateSet.compile(sources).get()
        #expect(PartialMemo.candidates(templates.sources).contains("partials/footer"))

        var config = SiteConfig()
        config.title = "Memo Desk"
        config.timeZone = shanghai()
        config.paginate = 1
        var pipeline = Pipeline(config: config, templates: templates)
        pipeline.now = Date(timeIntervalSince1970: 1_900_000_000)
        let articles = (1...4).map { index in
            SourceFile(
                path: "Content/a\(index).md",
                bytes: Data(
                    articleText(
                        title: "Article <\(index)>", date: "\"2019-02-1\(index)T09:00:00+08:00\"",
                        extra: "tags: [Trade, \"Q&A\"]\nspeakers: [Hua Chunying]\n"
                    ).utf8))
        }
        let site = try pipeline.index(ContentSnapshot(sources: articles)).site
        let renderer = SiteRenderer(site: site, templates: templates)
        var footers = Set<String>()
        for job in site.pageJobs() {
            let prepared = renderer.prepare(job)
            let page = renderer.render(prepared)
            #expect(page == templates.render(prepared.context, template: prepared.template), "\(job.file)")
            if let footer = page.firstRange(of: "<footer>").map({ page[$0.lowerBound...] }) { footers.insert(String(footer)) }
        }
        #expect(footers.count > 5, "each page shows its own title in the footer")
    }
}
