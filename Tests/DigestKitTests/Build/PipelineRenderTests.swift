import Foundation
import Synchronization
import Testing

@testable import DigestKit

/// `Pipeline.render` hands files over from several threads, the search index's among them; a
/// failing hand-over stops the build, and none arrives once `render` has returned.
@Suite struct PipelineRenderTests {
    struct Refused: Error {}

    @Test func aSearchFileTheSinkRefusesFailsTheBuildAndNothingArrivesAfterwards() throws {
        let pipeline = try LayoutReuseTests.pipeline()
        let indexed = try pipeline.index(ContentSnapshot(sources: (1...18).map { LayoutReuseTests.source($0) }))
        let plan = pipeline.plan(indexed)
        let calls = Atomic<Int>(0)
        let failure = #expect(throws: BuildFailure.self) {
            try pipeline.render(indexed, plan: plan) { file in
                calls.add(1, ordering: .relaxed)
                if file.path.hasPrefix("search/docs/") { throw Refused() }
            }
        }
        #expect(failure?.diagnostics.first?.message.contains("Refused") == true, "\(String(describing: failure))")
        let callsWhenDone = calls.load(ordering: .relaxed)
        Thread.sleep(forTimeInterval: 0.2)
        #expect(calls.load(ordering: .relaxed) == callsWhenDone, "files handed over after render returned")
    }

    @Test func everySearchFileIsHandedOverOnce() throws {
        let pipeline = try LayoutReuseTests.pipeline()
        let indexed = try pipeline.index(ContentSnapshot(sources: (1...18).map { LayoutReuseTests.source($0) }))
        let paths = Mutex<[String]>([])
        _ = try pipeline.render(indexed, plan: pipeline.plan(indexed)) { file in paths.withLock { $0.append(file.path) } }
        let all = paths.withLock { $0 }
        #expect(Set(all).count == all.count, "a file handed over twice")
        let search = all.filter { $0.hasPrefix("search/") }
        #expect(search.filter { $0.hasPrefix("search/docs/") }.count == 18)
        #expect(search.contains(SearchIndex.file))
    }
}
