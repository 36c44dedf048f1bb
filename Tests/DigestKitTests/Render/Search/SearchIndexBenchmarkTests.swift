import Foundation
import Synchronization
import Testing

@testable import DigestKit

/// The search index's making alone, on a site folder named by `DIGEST_SEARCH_BENCH` (skipped
/// without it), for choosing between ways of making it on a noisy machine: both ways run in the
/// same process, by turns. Meant for a release build:
/// `DIGEST_SEARCH_BENCH=folder swift test -c release -Xswiftc -enable-testing --filter SearchIndexBenchmarkTests`.
///
/// CPU time of the whole process (the index makes its documents on every core), best of five.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["DIGEST_SEARCH_BENCH"] != nil, "set DIGEST_SEARCH_BENCH to a site folder"))
struct SearchIndexBenchmarkTests {
    static func processCPUTime() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    @Test func makingTheIndex() throws {
        let folder = URL(fileURLWithPath: ProcessInfo.processInfo.environment["DIGEST_SEARCH_BENCH"]!)
        let templates = try repositoryTemplates()
        let config = SiteConfig.load(from: folder).config
        let site = try TemplateDifferentialTests.site(folder, config: config, templates: templates)
        let index = SearchIndex(site: site)
        // Both ways make the documents and the term shards: the bytes of each, by path.
        func bytes(_ files: [OutputFile]) -> [String: Data] {
            Dictionary(
                uniqueKeysWithValues: files.compactMap { file in
                    guard case let .bytes(data) = file.content, !file.path.hasPrefix("search/facets/"), file.path != SearchIndex.file else { return nil }
                    return (file.path, data)
                })
        }
        let made = Mutex((before: [String: Data](), now: [String: Data]()))

        // The documents and their term lists first, then the postings from those.
        func documentsThenPostings() {
            let count = site.articles.count
            let documents = Array(site.articles.indices).parallelMap { SearchDocument(id: count - 1 - $0, placed: site.articles[$0], site: site) }
            let (_, files) = index.shardFiles(SearchIndex.postings(documents.reversed()))
            made.withLock { $0.before = bytes(documents.map(\.file) + files) }
        }
        // As a build makes it.
        func asBuilt() throws {
            let files = Mutex([OutputFile]())
            try index.files { file in files.withLock { $0.append(file) } }
            made.withLock { $0.now = bytes(files.withLock { $0 }) }
        }
        var best = (before: Double.infinity, now: Double.infinity)
        for _ in 0..<5 {
            var start = Self.processCPUTime()
            documentsThenPostings()
            best.before = min(best.before, Self.processCPUTime() - start)
            start = Self.processCPUTime()
            try asBuilt()
            best.now = min(best.now, Self.processCPUTime() - start)
        }
        let (before, now) = made.withLock { $0 }
        #expect(!now.isEmpty && before == now, "both ways make the same files")
        print(
            "search index CPU time, \(site.articles.count) articles: documents then postings \(String(format: "%.3f", best.before)) s,"
                + " as built \(String(format: "%.3f", best.now)) s")
    }
}
