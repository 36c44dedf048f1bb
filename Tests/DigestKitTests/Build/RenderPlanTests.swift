import Foundation
import Testing

@testable import DigestKit

/// The render plan is decided before anything renders, from the last build's manifest and the
/// new site: a full build renders everything, a body edit only the pages that show the body,
/// and a file no longer as the last build left it is made again.
@Suite struct RenderPlanTests {
    static let stamp = FileStamp(size: 1, seconds: 1, nanoseconds: 0, inode: 1, changeSeconds: 1, changeNanoseconds: 0)

    /// A build in memory with the cache, and the manifest it would leave.
    static func firstBuild(_ sources: [SourceFile]) throws -> (Pipeline.Indexed, RenderPlan, RenderPlan.LastBuild) {
        let pipeline = try LayoutReuseTests.pipeline()
        let indexed = try pipeline.index(ContentSnapshot(sources: sources))
        let plan = pipeline.plan(indexed, records: true)
        let rendered = try pipeline.render(indexed, plan: plan) { _ in }.fingerprints
        var files: [String: BuildCache.FileRecord] = [:]
        for pages in [plan.pageFingerprints, rendered.pages] {
            for (file, fingerprint) in pages { files[file] = .init(fingerprint: fingerprint, stamp: stamp, isPage: true) }
        }
        for others in [plan.fingerprints, rendered.files] {
            for (file, fingerprint) in others { files[file] = .init(fingerprint: fingerprint, stamp: stamp) }
        }
        return (
            indexed, plan,
            RenderPlan.LastBuild(
                files: files, structure: plan.structure, structureBasis: plan.structureBasis,
                altered: { [] })
        )
    }

    /// The plan for `sources` after a build of `before`, with `altered` files changed on disk.
    static func rebuildPlan(_ sources: [SourceFile], after before: [SourceFile], altered: Set<String> = []) throws -> (RenderPlan, Site) {
        let (first, _, last) = try firstBuild(before)
        var pipeline = try LayoutReuseTests.pipeline()
        pipeline.storedParses = LayoutReuseTests.cache(of: first)
        let indexed = try pipeline.index(ContentSnapshot(sources: sources))
        var lastBuild = last
        lastBuild.altered = { altered }
        return (pipeline.plan(indexed, lastBuild: lastBuild), indexed.site)
    }

    @Test func withoutALastBuildEverythingIsRendered() throws {
        let (indexed, plan, last) = try Self.firstBuild(LayoutReuseTests.sources)
        #expect(plan.pages.map(\.file) == indexed.site.pageJobs().map(\.file))
        #expect(plan.kept.count == 0 && plan.searchIndex.last != nil && plan.searchIndex.changedBodies == nil && plan.fingerprintsPages)
        #expect(plan.newsletterWeeks == Array(indexed.site.weeks.indices))
        #expect(last.files.values.filter(\.isPage).count == indexed.site.pageCount)
    }

    @Test func aBodyEditRendersOnlyItsArticlePageAndKeepsTheRest() throws {
        var edited = LayoutReuseTests.sources
        edited[2] = LayoutReuseTests.source(2, body: "A new body.\n\n> We oppose it.\n>\n> — Hua Chunying")
        let (plan, site) = try Self.rebuildPlan(edited, after: LayoutReuseTests.sources)
        let position = try #require(site.articles.firstIndex { $0.article.sourcePath == edited[2].path })
        let article = site.articles[position]
        #expect(plan.pages.map(\.file) == [article.path.file])
        // The search index patches its files for that article alone, while it renders.
        #expect(plan.searchIndex.changedBodies == [position] && plan.newsletterWeeks.isEmpty)
        let otherPages = site.pageJobs().map(\.file).filter { $0 != article.path.file }
        #expect(otherPages.allSatisfy(plan.kept.contains) && !plan.kept.contains(article.path.file))
        #expect(plan.kept.count == site.pageCount - 1 + 2 * site.weeks.count)
    }

    @Test func aFileAlteredOnDiskIsMadeAgain() throws {
        var edited = LayoutReuseTests.sources
        edited[2] = LayoutReuseTests.source(2, body: "A new body.\n\n> We oppose it.\n>\n> — Hua Chunying")
        let altered: Set<String> = ["index.html", SearchIndex.file]
        let (plan, _) = try Self.rebuildPlan(edited, after: LayoutReuseTests.sources, altered: altered)
        #expect(plan.pages.contains { $0.file == "index.html" } && !plan.kept.contains("index.html"))
        #expect(!plan.kept.contains(SearchIndex.file) && plan.searchIndex.last?.isIntact(SearchIndex.file) == false)
        // Unchanged, every file is kept but the altered ones.
        let (unchanged, site) = try Self.rebuildPlan(LayoutReuseTests.sources, after: LayoutReuseTests.sources, altered: altered)
        #expect(unchanged.pages.map(\.file) == ["index.html"] && unchanged.kept.count == site.pageCount - 1 + 2 * site.weeks.count)
    }

    /// Another summary changes the structure: every page is compared by its fingerprint, and
    /// only those whose context changed are rendered.
    @Test func aSummaryChangeRendersOnlyThePagesThatShowIt() throws {
        var edited = LayoutReuseTests.sources
        edited[0] = LayoutReuseTests.source(0, extra: "summary: Tagged.\n")
        let (plan, site) = try Self.rebuildPlan(edited, after: LayoutReuseTests.sources)
        let files = Set(plan.pages.map(\.file))
        let untouched = try #require(site.articles.first { $0.article.sourcePath == edited[5].path })
        #expect(!files.isEmpty && files.count < site.pageCount && !files.contains(untouched.path.file))
        #expect(plan.kept.contains(untouched.path.file) && plan.kept.count + files.count >= site.pageCount)
        #expect(Set(plan.pageFingerprints.keys) == files)
    }

    /// Making a plan records nothing: asked twice, it answers the same.
    @Test func planningTwiceGivesTheSamePlan() throws {
        var edited = LayoutReuseTests.sources
        edited[0] = LayoutReuseTests.source(0, extra: "summary: Tagged.\n")
        let (first, _) = try Self.rebuildPlan(edited, after: LayoutReuseTests.sources)
        let (second, _) = try Self.rebuildPlan(edited, after: LayoutReuseTests.sources)
        #expect(first.pages == second.pages && first.kept.count == second.kept.count && first.fingerprints == second.fingerprints)
    }

    /// A rendered file that cannot be stamped is still recorded, with a stamp no file has.
    @Test func theManifestListsEveryFileMadeEvenUnstamped() throws {
        let (_, plan, _) = try Self.firstBuild(LayoutReuseTests.sources)
        let rendered = RenderedFingerprints(pages: ["index.html": 7], files: [SearchIndex.file: 8])
        let manifest = plan.manifest(rendered, in: URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)"))
        #expect(manifest["index.html"]?.fingerprint == 7 && manifest["index.html"]?.isPage == true)
        #expect(manifest[SearchIndex.file]?.stamp.size == -1)
    }
}
