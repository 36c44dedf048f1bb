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
        let bytes = Mutex(0)

        // The documents and their term lists first, then the postings from those.
        func documentsThenPostings() {
            let count = site.articles.count
            let documents = Array(site.articles.indices).parallelMap { SearchDocument(id: count - 1 - $0, placed: site.articles[$0], site: site) }
            let (_, files) = index.shardFiles(SearchIndex.postings(documents.reversed()))
            bytes.withLock { $0 += documents.reduce(0) { $0 + $1.script.count } + files.count }
        }
        // As a build makes it.
        func asBuilt() throws {
            try index.files { file in
                if case let .bytes(data) = file.content { bytes.withLock { $0 += data.count } }
            }
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
        #expect(bytes.withLock { $0 } > 0)
        print(
            "search index CPU time, \(site.articles.count) articles: documents then postings \(String(format: "%.3f", best.before)) s,"
                + " as built \(String(format: "%.3f", best.now)) s")
    }
}
