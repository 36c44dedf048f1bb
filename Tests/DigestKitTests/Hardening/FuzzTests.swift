import Foundation
import PropertyBased
import Testing

@testable import DigestKit

/// Property-based fuzzing of what users write: front matter, bodies and the fields that reach
/// pages and paths. A crash kills the test process, so "never crashes" is every test here; a
/// hang shows as a case over `perCaseLimit` (or the suite's time limit).
///
/// Iteration counts keep the whole suite under about 20 s in a debug build on 2 cores. To chase
/// a failure, add the `.fixedSeed(…)` the failure message prints.
@Suite(.timeLimit(.minutes(2))) struct FuzzTests {
    /// Loose, since the crash-safety test's builds may share the two cores: alone, a debug build
    /// parses a 1 MB body in about a second; the quadratic case cmark-gfm 0.29 has took 65 s.
    static let perCaseLimit: Duration = .seconds(20)

    /// Splits and parses one file the way `Pipeline` does, and checks the time it took.
    func parse(_ source: SourceFile, config: SiteConfig = SiteConfig()) -> ArticleParser.Outcome {
        var outcome = ArticleParser.Outcome(article: nil, diagnostics: [])
        let elapsed = ContinuousClock().measure {
            switch FrontMatterSplitter.split(source) {
            case let .success(document): outcome = ArticleParser(config: config).parse(document)
            case let .failure(diagnostic): outcome.diagnostics = [diagnostic]
            }
        }
        #expect(elapsed < Self.perCaseLimit, "parsing \(source.bytes.count) bytes took \(elapsed)")
        return outcome
    }

    /// Every error names one of `files` and a line, so `path:line: message` can point at it.
    func expectPlaced(_ diagnostics: [Diagnostic], in files: Set<String>, sourceLocation: SourceLocation = #_sourceLocation) {
        for diagnostic in diagnostics where diagnostic.severity == .error {
            #expect(files.contains(diagnostic.file), "\(diagnostic)", sourceLocation: sourceLocation)
            #expect(diagnostic.line != nil, "no line: \(diagnostic)", sourceLocation: sourceLocation)
        }
    }

    // MARK: (a, b) nothing crashes or hangs; errors have a place

    @Test func arbitraryBytesNeverCrashAndEveryErrorHasAPlace() async {
        let heads = ["", "---\n", "---\ntitle: T\ndate: 2019-02-13\nsection: S\n---\n"]
        await propertyCheck(count: 300, input: Gen<UInt8>.value(in: 0...255).array(of: 0...400), Gen.int(in: 0...2)) { bytes, head in
            let source = SourceFile(path: "Content/bytes.md", bytes: Data(heads[head].utf8) + Data(bytes))
            let outcome = parse(source)
            expectPlaced(outcome.diagnostics, in: [source.path])
            #expect(outcome.article != nil || outcome.diagnostics.contains { $0.severity == .error })
        }
    }

    @Test func yamlishFrontMatterNeverCrashesAndEveryErrorHasAPlace() async throws {
        let site = MemorySite()
        let frontMatter = FuzzInput.text(FuzzInput.yamlish + FuzzInput.oddUnicode, count: 0...40)
        let body = FuzzInput.text(FuzzInput.markdownish + FuzzInput.oddUnicode, count: 0...40)
        await propertyCheck(count: 120, input: frontMatter, body) { yaml, body in
            let sources = [
                FuzzInput.source("Content/fuzz.md", "---\n\(yaml)\n---\n\(body)"),
                // A valid neighbour: its slug and terms meet the fuzzed ones in the index.
                FuzzInput.source("Content/good.md", articleText(title: "Word", extra: "slug: word\ntags: [word]\n")),
            ]
            let start = ContinuousClock.now
            let result = try site.run(sources)
            #expect(ContinuousClock.now - start < Self.perCaseLimit)
            switch result {
            case let .success(built): expectPlaced(built.warnings, in: Set(sources.map(\.path)))
            case let .failure(failure): expectPlaced(failure.diagnostics, in: Set(sources.map(\.path)))
            }
        }
    }

    /// Depth and size far beyond any article: nested quotes and lists, runs of brackets and
    /// emphasis, wide tables, deep YAML flows, and a 1 MB body.
    @Test func hugeAndDeeplyNestedInputsParseInBoundedTime() async {
        let shapes: [@Sendable (Int) -> (frontMatter: String, body: String)] = [
            { ("", String(repeating: ">", count: $0) + " deep\n") },
            { ("", String(repeating: "- ", count: $0) + "deep\n") },
            { ("", String(repeating: "1. ", count: $0) + "deep\n") },
            { ("", (0..<$0).map { String(repeating: "  ", count: min($0, 400)) + "- item\n" }.joined()) },
            { ("", String(repeating: "[", count: $0) + "x" + String(repeating: "](y)", count: $0)) },
            { ("", String(repeating: "*a **", count: $0) + String(repeating: "_", count: $0)) },
            { ("", String(repeating: "<", count: $0) + String(repeating: "`", count: $0)) },
            {
                (
                    "",
                    "|" + String(repeating: " a |", count: $0 / 10) + "\n|" + String(repeating: "-|", count: $0 / 10) + "\n"
                        + String(repeating: "| x\n", count: $0 / 10)
                )
            },
            { ("", String(repeating: "[^\($0 % 7)]: note\n[^\($0 % 7)]\n", count: $0 / 10)) },
            { ("tags: " + String(repeating: "[", count: $0) + String(repeating: "]", count: $0) + "\n", "") },
            { ("tags: " + String(repeating: "{a: ", count: $0 / 4) + "b" + String(repeating: "}", count: $0 / 4) + "\n", "") },
            { ("title: " + String(repeating: "e\u{301}👩‍👩‍👧‍👦", count: $0) + "\n", "") },
            // 1 MB in paragraphs. (One 1 MB paragraph mixing emphasis and links is quadratic in
            // cmark-gfm 0.29.0.gfm.6 itself, about 9 s: upstream, fixed in later cmark-gfm.)
            { ("", String(repeating: "Lorem *ipsum* [dolor](sit.png) `amet`, consectetur > adipiscing\n\n", count: 1_000_000 / 67 + $0 % 2)) },
        ]
        let inputs = zip(Gen.int(in: 0...(shapes.count - 1)), Gen.int(in: 2_000...10_000))
        await propertyCheck(count: 26, input: inputs) { (shape, depth) in
            let (extra, body) = shapes[shape](depth)
            let source = FuzzInput.source("Content/huge.md", articleText(extra: extra, body: body))
            let outcome = parse(source, config: SiteConfig())
            expectPlaced(outcome.diagnostics, in: [source.path])
        }
    }

    // MARK: (c) user text reaches pages only as text

    @Test(arguments: [false, true])
    func fieldsNeverBecomeLiveMarkupOnAnyPage(unsafeHTML: Bool) async throws {
        let site = MemorySite(unsafeHTML: unsafeHTML)
        let field = FuzzInput.text(FuzzInput.hostile + FuzzInput.hostile + FuzzInput.oddUnicode + ["a ", "B"], count: 1...8)
        let fields = zip(field, field, field, field.array(of: 1...3), field.array(of: 1...3))
        await propertyCheck(count: 12, input: fields) { (title, section, summary, tags, speakers) in
            let extra =
                "summary: \(FuzzInput.quoted(summary))\nsource: \(FuzzInput.quoted(summary))\n"
                + "tags: [\(tags.map(FuzzInput.quoted).joined(separator: ", "))]\n"
                + "speakers: [\(speakers.map(FuzzInput.quoted).joined(separator: ", "))]\n"
            let sources = [
                // A letter first so no field is blank after trimming.
                FuzzInput.source(
                    "Content/a.md",
                    articleText(
                        title: FuzzInput.quoted("T" + title),
                        section: FuzzInput.quoted("S" + section), extra: extra)),
                FuzzInput.source("Content/b.md", articleText(title: "Plain", date: "2019-02-14", extra: extra)),
            ]
            let built = try site.run(sources).get()
            #expect(built.site.articles.map(\.article.title).contains(("T" + title).trimmingCharacters(in: .whitespacesAndNewlines)))
            for file in built.files {
                guard case let .bytes(data) = file.content, file.path.hasSuffix(".html") else { continue }
                let live = FuzzInput.liveMarkup(in: String(decoding: data, as: UTF8.self))
                #expect(live.isEmpty, "\(file.path) shows \(live)")
            }
        }
    }

    /// The check above must see a live tag when there is one.
    @Test func liveMarkupCheckSeesUnescapedTags() {
        #expect(FuzzInput.liveMarkup(in: "<h1><FZ x=1></h1>") == ["<fz"])
        #expect(FuzzInput.liveMarkup(in: "<meta content=\"\" onfocus=\"fz\">") == ["onfocus=\"fz"])
        #expect(FuzzInput.liveMarkup(in: "<h1>&lt;fz&gt; &quot; onfocus=&quot;fz</h1>").isEmpty)
        #expect(FuzzInput.liveMarkup(in: "<p>&lt;img src=x onerror=fz&gt;</p>").isEmpty)
    }

    // MARK: (d) slugs cannot name a path

    @Test func slugsNeverHoldPathSeparatorsDotsOrControlCharacters() async {
        let pieces = FuzzInput.oddUnicode + FuzzInput.hostile + ["/", "\\", ".", "..", "../", "a", "Z", "9", " ", "-"]
        let text = zip(FuzzInput.text(pieces, count: 0...30), FuzzInput.anyScalar.string(of: 0...20))
            .map { $0 + $1 }
        await propertyCheck(count: 2_000, input: text) { text in
            let slug = Slug.make(text)
            #expect(!slug.contains("/") && !slug.contains("\\") && !slug.contains(".."), "\(slug.debugDescription)")
            #expect(!slug.contains("."), "\(slug.debugDescription)")
            let bad = slug.unicodeScalars.filter {
                [.control, .format, .lineSeparator, .paragraphSeparator, .surrogate].contains($0.properties.generalCategory)
            }
            #expect(bad.isEmpty, "\(slug.debugDescription) holds \(bad.map { String($0.value, radix: 16) })")
            #expect(slug.count <= Slug.maxLength)
        }
    }

    // MARK: (e) every output path stays inside Public/

    @Test func pipelineOutputPathsStayInsideTheOutputFolder() async throws {
        let site = MemorySite()
        let name = FuzzInput.text(FuzzInput.oddUnicode + ["../", "..", "/", "\\", ".", "a", "index.html", "%2e%2e", " "], count: 1...8)
        let assetNames = ["img.png", "sub/chart.svg", "sub/deeper/a b.png", "..dots.png", "x\\y.png", "%2e.png"]
        let link = Gen<String?>.element(of: [
            "img.png", "./sub/chart.svg", "sub/./deeper/a%20b.png", "sub/../img.png",
            "../img.png", "sub/../../x.png", "..dots.png", "x%5Cy.png", "%2e.png",
            "/img.png", "sub//chart.svg",
        ]).map { $0! }
        let inputs = zip(name, name, name.array(of: 0...3), name, link.array(of: 0...4))
        await propertyCheck(count: 40, input: inputs) { (title, section, tags, slug, links) in
            let extra =
                "tags: [\(tags.map(FuzzInput.quoted).joined(separator: ", "))]\n"
                + "speakers: [\(tags.map(FuzzInput.quoted).joined(separator: ", "))]\nslug: \(FuzzInput.quoted("s" + slug))\n"
            let body = links.map { "![x](\($0))" }.joined(separator: "\n\n")
            let sources = [
                FuzzInput.source(
                    "Content/a.md",
                    articleText(
                        title: FuzzInput.quoted("t" + title),
                        section: FuzzInput.quoted("s" + section), extra: extra, body: body)),
                FuzzInput.source("Content/2019/b.md", articleText(title: FuzzInput.quoted("t" + title), body: body)),
            ]
            let assets = Set(assetNames.flatMap { ["Content/\($0)", "Content/2019/\($0)"] })
            switch try site.run(sources, assets: assets) {
            case let .success(built):
                let paths = built.files.map(\.path)
                let unsafe = paths.filter { !OutputFile.isSafe($0) }
                #expect(unsafe.isEmpty, "\(unsafe)")
                #expect(Set(paths).count == paths.count, "two files share a path")
            case let .failure(failure):
                // Only a slug with no letters may stop this build, and it must say where.
                #expect(failure.errors.allSatisfy { $0.message.contains("slug") }, "\(failure)")
                expectPlaced(failure.diagnostics, in: Set(sources.map(\.path)))
            }
        }
    }
}
