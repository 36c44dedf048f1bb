import Testing

@testable import DigestKit

@Suite struct StageClockTests {
    @Test func aStageTimedTwiceAddsUpAndStagesKeepTheOrderTheyFirstRan() {
        let clock = StageClock()
        clock.add("parse", nanoseconds: 1_500_000_000)
        clock.add("render", nanoseconds: 250_000_000)
        clock.add("parse", nanoseconds: 500_000_000)
        #expect(clock.all == [StageClock.Stage(name: "parse", seconds: 2), StageClock.Stage(name: "render", seconds: 0.25)])
    }

    @Test func timeReturnsTheWorksValueAndRecordsTheStageEvenWhenItThrows() {
        struct Failed: Error {}
        let clock = StageClock()
        #expect(clock.time("sum") { 2 + 3 } == 5)
        #expect(throws: Failed.self) { try clock.time("fails") { () throws(Failed) in throw Failed() } }
        #expect(clock.all.map(\.name) == ["sum", "fails"])
        #expect(clock.all.allSatisfy { $0.seconds >= 0 })
    }

    @Test func aBuildReportsItsStagesInTheSummary() throws {
        let site = try TempSite()
        defer { site.remove() }
        try site.write("Content/a.md", "---\ntitle: A\ndate: 2019-02-13\nsection: News\n---\nBody.\n")
        let summary = try site.build()
        let names = summary.stages.map(\.name)
        for stage in ["settings, theme", "list sources", "parse", "index", "plan", "render pages", "newsletters", "files kept", "commit output"] {
            #expect(names.contains(stage), "no stage '\(stage)' in \(names)")
        }
        #expect(summary.stageTable.hasSuffix(String(format: "%7.3f s", summary.seconds)))
    }
}
