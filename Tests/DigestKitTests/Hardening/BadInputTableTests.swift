import Foundation
import Testing

@testable import DigestKit

/// One test per row of the "What bad input gets" table in docs/errors.md: each builds a good site,
/// adds the bad input, builds again, and checks the message the table quotes and what was written.
@Suite struct BadInputTableTests {
    /// The message column of the docs' table, by row ("" where a build prints no message).
    /// `docsQuoteEveryMessage` checks that docs/errors.md holds each, and each row's test that the
    /// build prints it.
    static let messages: [String: String] = [
        "unclosed front matter": "Content/bad.md:1:1: error: the front matter is not closed (add a line '---' after the last YAML field)",
        "YAML syntax error": "Content/bad.md:3:5: error: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence)",
        "missing field": "Content/bad.md:2:1: error: the required field 'section' is missing (add a line like 'section: DIPLOMACY')",
        "wrong type": "Content/bad.md:5:1: error: the field 'tags' must be a list of texts (found a set of 'key: value' fields)",
        "impossible date": "Content/bad.md:3:1: error: invalid date: '2019/2/30' is not a real day (February has 28 days)",
        "not UTF-8": "Content/bad.md:1:1: error: the file is not valid UTF-8 text (re-save it with UTF-8 encoding)",
        "duplicate slug":
            "Content/two.md:5: error: /2019/02/13/same/ is also the address of Content/one.md (rename one of the two files or give one a different 'slug:'; addresses are never renumbered)",
        "same address in two languages":
            "Content/two.md:5: error: /2019/02/13/same/ is also the address of Content/one.md (in en; articles of every language share the site's addresses) (rename one of the two files or give one a different 'slug:'; addresses are never renumbered)",
        "language not in languages:":
            "site.yml:2:1: error: 'language: fr' is not one of 'languages:' (en, zh) (add it to 'languages:', or remove 'language:' to make the first of 'languages:' the default)",
        "traversal in slug": "",
        "traversal in tag": "",
        "traversal in section": "",
        "raw HTML or script in body": "",
        "raw HTML or script in title": "",
        "empty file":
            "Content/bad.md:1:1: error: the file is empty (add front matter between --- lines with at least title, date and section, or delete the file)",
        "10 MB body": "",
        "symlink out of Content/": "Content/link.md: warning: skipped: it is a symbolic link to ",
        "unreadable file": "Content/bad.md: error: cannot read the file: ",
        "template error": "Templates/day.mustache:3:1: error: template error: expectedSectionEnd (near '')",
    ]

    struct Outcome {
        var site: TempSite
        /// What `digest build` prints: the diagnostics, then the failure or the summary.
        var printed: String
        var failed: Bool
        var outputUnchanged: Bool
    }

    /// A good site built once, then `breakIt`, then built again.
    func build(_ breakIt: (TempSite) throws -> Void) throws -> Outcome {
        let site = try TempSite(articles: ["good.md": articleText(title: "Good story")])
        try site.build()
        let before = try snapshot(of: site.output)
        try breakIt(site)
        var outcome = Outcome(site: site, printed: "", failed: false, outputUnchanged: false)
        do {
            let summary = try site.build()
            outcome.printed = (summary.warnings.map(\.description) + [summary.line]).joined(separator: "\n")
        } catch let failure as BuildFailure {
            outcome.printed = failure.description
            outcome.failed = true
        }
        outcome.outputUnchanged = try snapshot(of: site.output) == before
        return outcome
    }

    /// The row's message is printed, the build failed, and the output folder is as it was.
    func expectRefused(_ row: String, _ outcome: Outcome) {
        let message = Self.messages[row]!
        #expect(outcome.printed.contains(message), "\(row): printed \(outcome.printed)")
        #expect(outcome.failed)
        #expect(outcome.outputUnchanged)
        outcome.site.remove()
    }

    func page(_ outcome: Outcome, _ path: String) throws -> String {
        try outcome.site.read(path)
    }

    @Test func unclosedFrontMatter() throws {
        expectRefused("unclosed front matter", try build { try $0.write("Content/bad.md", "---\ntitle: A\n") })
    }

    @Test func yamlSyntaxError() throws {
        expectRefused(
            "YAML syntax error",
            try build {
                try $0.write("Content/bad.md", "---\ntitle: [unclosed\ndate: 2019-02-13\nsection: X\n---\nBody\n")
            })
    }

    @Test func missingField() throws {
        expectRefused("missing field", try build { try $0.write("Content/bad.md", "---\ntitle: A\ndate: 2019-02-13\n---\nBody\n") })
    }

    @Test func wrongType() throws {
        expectRefused("wrong type", try build { try $0.write("Content/bad.md", articleText(title: "Typed", extra: "tags:\n  a: b\n")) })
    }

    @Test func impossibleDate() throws {
        expectRefused("impossible date", try build { try $0.write("Content/bad.md", "---\ntitle: A\ndate: \"2019/2/30\"\nsection: X\n---\nBody\n") })
    }

    @Test func notUTF8() throws {
        expectRefused("not UTF-8", try build { try $0.write("Content/bad.md", Data("---\ntitle: caf".utf8) + Data([0xE9, 0x0A]) + Data("---\n".utf8)) })
    }

    @Test func duplicateSlug() throws {
        expectRefused(
            "duplicate slug",
            try build {
                try $0.write("Content/one.md", articleText(title: "One", date: "\"2019-02-13T10:00:00+08:00\"", extra: "slug: same\n"))
                try $0.write("Content/two.md", articleText(title: "Two", date: "\"2019-02-13T10:00:00+08:00\"", extra: "slug: same\n"))
            })
    }

    @Test func sameAddressInTwoLanguages() throws {
        expectRefused(
            "same address in two languages",
            try build {
                try $0.write("site.yml", "title: Test Desk\ntimezone: Asia/Shanghai\nlanguages: [en, zh]\n")
                try $0.write("Content/one.md", articleText(title: "One", date: "\"2019-02-13T10:00:00+08:00\"", extra: "slug: same\n"))
                try $0.write(
                    "Content/two.md", articleText(title: "二", date: "\"2019-02-13T10:00:00+08:00\"", extra: "slug: same\nlanguage: zh\n"))
            })
    }

    @Test func languageNotInLanguages() throws {
        expectRefused(
            "language not in languages:",
            try build { try $0.write("site.yml", "title: Test Desk\nlanguage: fr\nlanguages: [en, zh]\n") })
    }

    @Test func traversalInSlug() throws {
        let site = try expectBuiltInside(
            articleText(title: "Trav", extra: "slug: ../../etc\n"),
            page: "2019/02/13/etc/index.html", showing: "<h1 dir=\"auto\">Trav</h1>")
        #expect(!FileManager.default.fileExists(atPath: site.url("etc").path))
        site.remove()
    }

    @Test func traversalInTag() throws {
        try expectBuiltInside(
            articleText(title: "Trav tag", extra: "tags: [\"../x\"]\n"),
            page: "tags/x/index.html", showing: ">../x<"
        ).remove()
    }

    @Test func traversalInSection() throws {
        try expectBuiltInside(
            articleText(title: "Trav section", section: "\"..\""),
            page: "sections/section/index.html", showing: ">..<"
        ).remove()
    }

    /// The article builds, `page` shows `text`, and every written file is a plain path below the
    /// output folder. Returns the site for more checks; the caller removes it.
    func expectBuiltInside(_ article: String, page path: String, showing text: String) throws -> TempSite {
        let outcome = try build { try $0.write("Content/bad.md", article) }
        #expect(!outcome.failed)
        #expect(try page(outcome, path).contains(text))
        let files = try snapshot(of: outcome.site.output).keys
        #expect(!files.isEmpty && files.allSatisfy { !$0.split(separator: "/").contains("..") && !$0.hasPrefix("/") })
        return outcome.site
    }

    @Test func rawHTMLOrScriptInBody() throws {
        let outcome = try build {
            try $0.write("Content/bad.md", articleText(title: "Scripted", body: "Hello <script>alert(1)</script> <b>bold</b>"))
        }
        defer { outcome.site.remove() }
        let html = try page(outcome, "2019/02/13/bad/index.html")
        #expect(html.contains("<p>Hello <!-- raw HTML omitted -->alert(1)<!-- raw HTML omitted --> <!-- raw HTML omitted -->bold<!-- raw HTML omitted --></p>"))
        #expect(!html.contains("<script>alert"))
    }

    @Test func rawHTMLOrScriptInTitle() throws {
        let outcome = try build { try $0.write("Content/bad.md", articleText(title: "\"<script>alert(1)</script>\"")) }
        defer { outcome.site.remove() }
        let html = try page(outcome, "2019/02/13/bad/index.html")
        #expect(html.contains("<h1 dir=\"auto\">&lt;script&gt;alert(1)&lt;/script&gt;</h1>"))
        #expect(!html.contains("<script>alert"))
    }

    @Test func emptyFile() throws {
        expectRefused("empty file", try build { try $0.write("Content/bad.md", "") })
    }

    @Test func tenMegabyteBody() throws {
        let body = String(repeating: String(repeating: "word ", count: 20) + "\n\n", count: 100_000)
        let outcome = try build { try $0.write("Content/bad.md", articleText(title: "Big", body: body)) }
        defer { outcome.site.remove() }
        #expect(!outcome.failed)
        let html = try page(outcome, "2019/02/13/bad/index.html")
        #expect(html.utf8.count > 10_000_000)
        #expect(html.hasSuffix("</html>\n"))
    }

    @Test func symlinkOutOfContent() throws {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("digest-outside-\(UUID().uuidString).md")
        try articleText(title: "Secret").write(to: outside, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: outside) }
        let outcome = try build {
            try FileManager.default.createSymbolicLink(at: $0.url("Content/link.md"), withDestinationURL: outside)
        }
        defer { outcome.site.remove() }
        #expect(outcome.printed.contains(Self.messages["symlink out of Content/"]! + outside.resolvingSymlinksInPath().path + ", outside Content/"))
        #expect(!outcome.failed)
        #expect(outcome.outputUnchanged)
    }

    /// chmod 000 stops only other users: root (as CI runs) still reads the file. There a link to a
    /// missing file takes the same path, a read that fails.
    @Test func unreadableFile() throws {
        let isRoot = getuid() == 0
        let outcome = try build { site in
            if isRoot {
                try FileManager.default.createSymbolicLink(atPath: site.url("Content/bad.md").path, withDestinationPath: "missing.md")
            } else {
                try site.write("Content/bad.md", articleText(title: "Locked"))
                try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: site.url("Content/bad.md").path)
            }
        }
        if !isRoot { #expect(outcome.printed.contains("You don’t have permission. (check its permissions)"), "\(outcome.printed)") }
        expectRefused("unreadable file", outcome)
    }

    @Test func templateError() throws {
        expectRefused("template error", try build { try $0.write("Templates/day.mustache", "line one\n{{#open}}\n") })
    }

    @Test func docsQuoteEveryMessage() throws {
        let page = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/errors.md"), encoding: .utf8)
        let table = try #require(page.range(of: "## What bad input gets").map { page[$0.upperBound...] })
        for (row, message) in Self.messages {
            let line = table.split(separator: "\n").first { $0.hasPrefix("| \(row) |") }
            #expect(line != nil, "no docs/errors.md row '\(row)'")
            if let line, !message.isEmpty {
                #expect(line.contains(message), "docs/errors.md row '\(row)' does not quote '\(message)'")
            }
        }
    }
}
