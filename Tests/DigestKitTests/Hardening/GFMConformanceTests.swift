import Foundation
import Testing

@testable import DigestKit

/// Runs every example of the GFM spec and its extensions file through `Markdown.render`, the
/// one place bodies become HTML, and holds the pass count to what cmark-gfm 0.29 (Debian) gives.
/// A drop means a change in how bodies render: a new cmark-gfm, an extension lost, an option
/// changed. A rise is good news: raise the floor (and the figures in docs/content.md).
@Suite struct GFMConformanceTests {
    enum Mode: String, CaseIterable, CustomTestStringConvertible {
        /// `unsafe_html: true`: raw HTML passes (script-like tags still filtered).
        case rawHTML
        /// The default: raw HTML becomes `<!-- raw HTML omitted -->`, so the spec's raw-HTML
        /// examples differ by design.
        case safeDefault

        var options: Markdown.Options { Markdown.Options(unsafeHTML: self == .rawHTML) }

        /// Measured with Debian's cmark-gfm 0.29.0.gfm.6, out of 701 examples. With raw HTML the
        /// 17 that differ are by design or by version: 7 fenced-code info strings (we render
        /// `<pre lang="ruby">`, `CMARK_OPT_GITHUB_PRE_LANG`), 5 `<script>`/`<style>`/`<textarea>`
        /// blocks (tagfilter), 4 `<…>` examples the autolink extension links, and the footnote
        /// example (0.29.0.gfm.6 writes `fn-1` ids and `data-footnote` attributes).
        var floor: Int {
            switch self {
            case .rawHTML: return 684
            case .safeDefault: return 616
            }
        }

        var testDescription: String { rawValue }
    }

    @Test(arguments: Mode.allCases)
    func specExamplesPassAtLeastTheMeasuredFloor(_ mode: Mode) throws {
        let examples = try GFMSpec.load()
        // Both files as fixed in SOURCE.txt: a different count means the fixtures changed.
        #expect(examples.count == 701)
        #expect(examples.filter { $0.file == "extensions.txt" }.count == 28)

        var bySection: [(section: String, passed: Int, total: Int)] = []
        var failures: [Int] = []
        for example in examples {
            let actual = Markdown.render(example.markdown, options: mode.options).html
            // `<IGNORE>` marks "must not crash" examples; spec_tests.py passes them when rendering returns.
            let passed =
                example.html == "<IGNORE>\n"
                || HTMLNormalizer.normalize(actual) == HTMLNormalizer.normalize(example.html)
            if !passed { failures.append(example.number) }
            let section = "\(example.file == "extensions.txt" ? "ext: " : "")\(example.section)"
            if bySection.last?.section == section {
                bySection[bySection.count - 1].passed += passed ? 1 : 0
                bySection[bySection.count - 1].total += 1
            } else {
                bySection.append((section, passed ? 1 : 0, 1))
            }
        }
        let passed = examples.count - failures.count
        var table = "GFM conformance, \(mode.rawValue): \(passed)/\(examples.count) pass\n"
        for row in bySection {
            let padded = row.section.padding(toLength: 46, withPad: " ", startingAt: 0)
            table += "  \(padded) \(row.passed)/\(row.total)\n"
        }
        table += "  failing examples: \(failures.map(String.init).joined(separator: " "))"
        print(table)
        #expect(passed >= mode.floor, "\(table)")
    }

    /// The normaliser must not hide real differences, or the floor means nothing.
    @Test func normaliserKeepsContentAndTagDifferences() {
        let n = HTMLNormalizer.normalize
        #expect(n("<p>a</p>\n<p>b</p>\n") == n("<p>a</p><p>b</p>"))
        #expect(n("<img src=\"x\" alt=\"y\" />") == n("<img alt=\"y\" src=\"x\">"))
        #expect(n("<pre><code>a\n  b\n</code></pre>") != n("<pre><code>a\n b\n</code></pre>"))
        #expect(n("<p>a b</p>") != n("<p>ab</p>"))
        #expect(n("<em>a</em>") != n("<strong>a</strong>"))
        #expect(n("<p>&lt;b&gt;</p>") != n("<p><b></p>"))
    }

    @Test func examplesAreReadWithTabsAndSections() throws {
        let examples = try GFMSpec.load()
        let tabs = try #require(examples.first)
        #expect(tabs.section == "Tabs")
        #expect(tabs.markdown == "\tfoo\tbaz\t\tbim\n")
        #expect(tabs.html == "<pre><code>foo\tbaz\t\tbim\n</code></pre>\n")
        #expect(examples.filter { $0.extensions.contains("table") }.count == 8)
        #expect(examples.last?.section == "Task lists")
    }
}
