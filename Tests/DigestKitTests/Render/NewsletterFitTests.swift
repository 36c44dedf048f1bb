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
}
