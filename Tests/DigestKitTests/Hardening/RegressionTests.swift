import Foundation
import Testing

@testable import DigestKit

/// Bugs the hardening tests found, each pinned by the smallest input that showed it.
@Suite struct HardeningRegressionTests {
    /// Slug errors are found while indexing, after the YAML is gone; they named the file but
    /// no line, unlike every other front matter error.
    @Test func slugErrorsNameTheLineOfTheSlugField() throws {
        let sources = [
            FuzzInput.source("Content/a.md", articleText(title: "A", extra: "slug: \"!!!\"\n")),
            FuzzInput.source("Content/b.md", articleText(title: "B", extra: "slug: same\n")),
            FuzzInput.source("Content/c.md", articleText(title: "C", extra: "slug: same\n")),
        ]
        let result = try MemorySite().run(sources)
        guard case let .failure(failure) = result else {
            Issue.record("the build should fail")
            return
        }
        let lines = Dictionary(failure.errors.map { ($0.file, $0.line) }, uniquingKeysWith: { first, _ in first })
        #expect(failure.errors.count == 2)
        #expect(lines["Content/a.md"] == 5)
        // Of the two that ask for `same` on one day, the later in path order is the error, at its slug's line.
        let duplicate = try #require(failure.errors.first { $0.file != "Content/a.md" })
        #expect(duplicate.file == "Content/c.md" && duplicate.line == 5, "\(duplicate)")
    }

    /// A body linking a file whose name holds a backslash (legal on Linux) made the pipeline emit
    /// an output path the writer refuses, so the whole build failed with "cannot write the site".
    @Test func assetWithABackslashIsAWarningNotAnUnsafeOutputPath() throws {
        let sources = [FuzzInput.source("Content/a.md", articleText(body: "![x](x%5Cy.png) ![ok](img.png)"))]
        let built = try MemorySite().run(sources, assets: ["Content/x\\y.png", "Content/img.png"]).get()
        #expect(built.files.allSatisfy { OutputFile.isSafe($0.path) })
        #expect(built.files.contains { $0.path == "2019/02/13/a/img.png" })
        let warning = try #require(built.warnings.first)
        #expect(warning.line == 7 && warning.message.contains("backslash"), "\(warning)")
    }
}
