import PropertyBased
import Testing

@testable import DigestKit

@Suite struct NewsletterFitTests {
    /// A rendering of `leads` articles of `size` bytes each after a 100-byte frame, counting renders.
    final class Renders {
        var asked: [Int] = []
        func render(_ leads: Int, size: Int = 10) -> String {
            asked.append(leads)
            return String(repeating: "x", count: 100 + leads * size)
        }
    }

    @Test func aWeekThatFitsIsRenderedOnceWhole() {
        let renders = Renders()
        let fitted = NewsletterFit.fit(most: 30, maxBytes: 400) { renders.render($0) }
        #expect(fitted.leads == 30)
        #expect(renders.asked == [30])
    }

    @Test(arguments: [(1_000, 90), (399, 29), (109, 0), (110, 1), (200, 10)])
    func theLargestCountThatFitsIsFound(maxBytes: Int, expected: Int) {
        let renders = Renders()
        let fitted = NewsletterFit.fit(most: 120, maxBytes: maxBytes) { renders.render($0) }
        #expect(fitted.leads == expected)
        #expect(fitted.html.utf8.count <= maxBytes)
        #expect(fitted.html == renders.render(expected))
        // By halves: a few renders, not one per count.
        #expect(renders.asked.count <= 10)
    }

    @Test func whenNothingFitsTheSmallestIsReturnedWithoutRenderingItTwice() {
        let renders = Renders()
        let fitted = NewsletterFit.fit(most: 50, maxBytes: 50) { renders.render($0) }
        #expect(fitted.leads == 0)
        #expect(fitted.html.utf8.count == 100)
        #expect(renders.asked.filter { $0 == 0 }.count == 1)
    }

    /// An issue that grows by about the same for each article (here 180 to 220 bytes) is fitted
    /// in a handful of renders: halving the 0...64 range would take eight.
    @Test func anIssueGrowingEvenlyIsFittedInAFewRenders() {
        for maxBytes in stride(from: 2_000, through: 13_000, by: 500) {
            var sizes = [400]
            for leads in 1...64 { sizes.append(sizes[leads - 1] + 180 + (leads * 7919) % 41) }
            var asked: [Int] = []
            let fitted = NewsletterFit.fit(most: 64, maxBytes: maxBytes) { leads in
                asked.append(leads)
                return String(repeating: "x", count: sizes[leads])
            }
            #expect(fitted.leads == sizes.lastIndex { $0 <= maxBytes }, "max_bytes \(maxBytes)")
            #expect(asked.count <= 5, "max_bytes \(maxBytes): rendered \(asked)")
        }
    }

    /// Whatever the sizes (growing with the count, evenly or not), the largest count that fits is
    /// found, with its own rendering, in a bounded number of renders, none of them twice.
    @Test func theLargestCountThatFitsIsFoundForAnyGrowth() async {
        // Steps of up to 5, 300 or 5,000 bytes: nearly flat, even-ish, or wildly uneven.
        let steps = Gen<Int>.int(in: 0...5_000).array(of: 1...200)
        await propertyCheck(count: 400, input: steps, Gen<Int>.int(in: 0...2), Gen<Int>.int(in: 0...400_000)) { raw, kind, maxBytes in
            let steps = raw.map { kind == 0 ? $0 % 6 : kind == 1 ? $0 % 301 : $0 }
            var sizes = [100]
            for step in steps { sizes.append(sizes[sizes.count - 1] + step) }
            var asked: [Int] = []
            let fitted = NewsletterFit.fit(most: steps.count, maxBytes: maxBytes) { leads in
                asked.append(leads)
                return String(repeating: "x", count: sizes[leads])
            }
            let expected = sizes.lastIndex { $0 <= maxBytes } ?? 0
            #expect(fitted.leads == expected && fitted.html.utf8.count == sizes[expected], "\(sizes), max_bytes \(maxBytes)")
            let halvings = Int.bitWidth - steps.count.leadingZeroBitCount
            #expect(asked.count <= 2 + 3 * halvings && Set(asked).count == asked.count, "rendered \(asked)")
        }
    }
}
