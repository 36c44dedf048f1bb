import Foundation
import Testing

/// The command line as a desk meets it: arguments, exit codes and messages, from a `digest`
/// copied alone into a folder.
@Suite struct CommandLineTests {
    @Test func versionNamesDigestItsCommitAndCmarkGFM() throws {
        let digest = try DigestCommand()
        defer { digest.remove() }
        let outcome = try digest.run("--version")
        #expect(outcome.status == 0)
        let line = outcome.output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(line.range(of: #"^digest \d+\.\d+\.\d+ \(commit ([0-9a-f]{7,40}|unknown), cmark-gfm \d+\.\d+"#, options: .regularExpression) != nil, "\(line)")
        #expect(line.contains("cmark-gfm "))
    }

    @Test func aCopiedBinaryInitsAndBuildsASiteWithItsBuiltInTheme() throws {
        let digest = try DigestCommand()
        defer { digest.remove() }
        let created = try digest.run("init", "desk", "--title", "Copied Desk", "--timezone", "Asia/Shanghai")
        #expect(created.status == 0, "\(created.errors)")
        #expect(created.output.contains("Created a site in"))
        let built = try digest.run("build", "--site", "desk")
        #expect(built.status == 0, "\(built.errors)")
        #expect(built.output.contains("Built 1 article into"))
        let home = try String(contentsOf: digest.path("desk/Public/index.html"), encoding: .utf8)
        #expect(home.contains("Copied Desk"))
        #expect(FileManager.default.fileExists(atPath: digest.path("desk/Public/assets/style.css").path))
    }

    @Test func timingsListEveryStageOnStandardErrorEvenWhenQuiet() throws {
        let digest = try DigestCommand()
        defer { digest.remove() }
        try digest.run("init", "desk", "--timezone", "UTC")
        let built = try digest.run("build", "--site", "desk", "--quiet", "--timings")
        #expect(built.status == 0, "\(built.errors)")
        #expect(built.output.isEmpty, "quiet prints nothing on standard output")
        let stages = built.errors.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        let names = stages.map { $0.dropLast(2).joined(separator: " ") }
        for stage in ["settings, theme", "parse", "index", "plan", "render pages", "newsletters", "commit output", "save cache", "total"] {
            #expect(names.contains(stage), "no line for '\(stage)' in:\n\(built.errors)")
        }
        #expect(stages.allSatisfy { $0.last == "s" && Double($0[$0.count - 2]) != nil }, "\(built.errors)")
        #expect(try digest.run("build", "--site", "desk", "--quiet").errors.isEmpty, "no table unless asked")
    }

    @Test func themeEjectCopiesKeepsAndRefusesUnknownNames() throws {
        let digest = try DigestCommand()
        defer { digest.remove() }
        try digest.run("init", "desk", "--timezone", "UTC")
        let ejected = try digest.run("theme", "eject", "article", "partials/item", "--site", "desk")
        #expect(ejected.status == 0, "\(ejected.errors)")
        #expect(ejected.output == "Templates/article.mustache\nTemplates/partials/item.mustache\n")
        try digest.write("desk/Templates/article.mustache", "{{<base}}{{$content}}<p>ours: {{article.title}}</p>{{/content}}{{/base}}\n")
        let again = try digest.run("theme", "eject", "article", "--site", "desk")
        #expect(again.status == 0)
        #expect(again.errors.contains("Templates/article.mustache already exists; kept as it is"))
        let unknown = try digest.run("theme", "eject", "artcle", "--site", "desk")
        #expect(unknown.status != 0)
        #expect(unknown.errors.contains("the built-in theme has no 'artcle'"))
        let listed = try digest.run("theme", "list", "--site", "desk")
        #expect(listed.output.contains("article.mustache  (Templates/article.mustache)"))
        #expect(listed.output.contains("\nbase.mustache\n"))
        #expect(try digest.run("build", "--site", "desk").status == 0)
        // The welcome article is Content/YYYY/MM/YYYY-MM-DD-welcome-to-your-digest.md; its page, YYYY/MM/DD/welcome-to-your-digest/.
        let source = try #require(FileManager.default.subpaths(atPath: digest.path("desk/Content").path)?.first { $0.hasSuffix(".md") })
        let name = URL(fileURLWithPath: source).deletingPathExtension().lastPathComponent
        #expect(name.hasSuffix("-welcome-to-your-digest"), "\(source)")
        let folder = name.prefix(10).replacingOccurrences(of: "-", with: "/") + "/" + name.dropFirst(11)
        let page = try String(contentsOf: digest.path("desk/Public/\(folder)/index.html"), encoding: .utf8)
        #expect(page.contains("<p>ours: Welcome to your digest</p>"))
    }

    @Test func badInputExitsNonZeroAndNamesTheFileAndLine() throws {
        let digest = try DigestCommand()
        defer { digest.remove() }
        try digest.run("init", "desk", "--timezone", "UTC")
        try digest.write("desk/Content/bad.md", "---\ntitle: Broken\ndate: \"2019/2/30 25:61:00\"\nsection: DIPLOMACY\n---\nBody.\n")
        let built = try digest.run("build", "--site", "desk")
        #expect(built.status != 0)
        #expect(built.errors.contains("Content/bad.md:3:"))
        let checked = try digest.run("check", "--site", "desk")
        #expect(checked.status != 0)
        #expect(checked.errors.contains("Content/bad.md:3:"))
    }

    @Test func wrongArgumentsGetUsageAndExitCode64() throws {
        let digest = try DigestCommand()
        defer { digest.remove() }
        let unknown = try digest.run("build", "--no-such-flag")
        #expect(unknown.status == 64)
        #expect(unknown.errors.contains("Unknown option '--no-such-flag'"))
        let missing = try digest.run("new")
        #expect(missing.status == 64)
        #expect(missing.errors.contains("Missing expected argument"))
        let badZone = try digest.run("init", "desk", "--timezone", "Mars/Olympus")
        #expect(badZone.status != 0)
        #expect(badZone.errors.contains("unknown time zone 'Mars/Olympus'"))
    }

    @Test func initRefusesAFolderThatIsNotEmpty() throws {
        let digest = try DigestCommand()
        defer { digest.remove() }
        try digest.write("desk/notes.txt", "mine")
        let outcome = try digest.run("init", "desk")
        #expect(outcome.status == 1)
        #expect(outcome.errors.contains("already exists and is not empty"))
        #expect(try String(contentsOf: digest.path("desk/notes.txt"), encoding: .utf8) == "mine")
    }
}

extension CommandLineTests {
    @Test func newAndImportTellTheAddressTheirFilesGet() throws {
        let digest = try DigestCommand()
        defer { digest.remove() }
        try digest.run("init", "desk", "--timezone", "Asia/Shanghai")
        let created = try digest.run("new", "Talks resume in Geneva", "--section", "DIPLOMACY", "--site", "desk")
        #expect(created.status == 0, "\(created.errors)")
        let path = created.output.trimmingCharacters(in: .whitespacesAndNewlines)
        let told = try #require(created.errors.range(of: #"/\d{4}/\d{2}/\d{2}/talks-resume-in-geneva/"#, options: .regularExpression))
        let address = String(created.errors[told])
        #expect(path.hasSuffix("-talks-resume-in-geneva.md"), "\(path)")
        try digest.write(
            "wire.txt", "Talks resume in Beijing\nSource: Xinhua Published: 2019/2/13 9:15:25\n\nBEIJING -- Talks resumed.\nPosted in: DIPLOMACY\n")
        let imported = try digest.run("import", "--site", "desk", "wire.txt")
        #expect(
            imported.output.contains("→ Content/2019/02/2019-02-13-talks-resume-in-beijing.md (/2019/02/13/talks-resume-in-beijing/)"),
            "\(imported.output)")
        #expect(try digest.run("build", "--site", "desk", "--drafts", "--future").status == 0)
        #expect(FileManager.default.fileExists(atPath: digest.path("desk/Public\(address)index.html").path))
        #expect(FileManager.default.fileExists(atPath: digest.path("desk/Public/2019/02/13/talks-resume-in-beijing/index.html").path))
    }

    @Test func newWritesATranslationThatTheBuildLinksToItsOriginal() throws {
        let digest = try DigestCommand()
        defer { digest.remove() }
        try digest.run("init", "desk", "--timezone", "Asia/Shanghai")
        let english = try digest.run("new", "Remarks on trade", "--section", "DIPLOMACY", "--translation-key", "mfa-0213", "--site", "desk")
        let chinese = try digest.run(
            "new", "关于贸易的答问", "--section", "DIPLOMACY", "--language", "zh", "--translation-key", "mfa-0213", "--site", "desk")
        #expect(english.status == 0 && chinese.status == 0, "\(english.errors) \(chinese.errors)")
        let file = try String(contentsOf: digest.path("desk/" + chinese.output.trimmingCharacters(in: .whitespacesAndNewlines)), encoding: .utf8)
        #expect(file.contains("language: zh\n") && file.contains("translation_key: mfa-0213\n"), "\(file)")
        #expect(try digest.run("build", "--site", "desk").status == 0)
        let page = try String(
            contentsOf: digest.path("desk/Public" + english.errors.split(separator: " ").last!.trimmingCharacters(in: .whitespacesAndNewlines) + "index.html"),
            encoding: .utf8)
        #expect(page.contains("hreflang=\"zh\""), "the English page does not link its translation")
        let bad = try digest.run("new", "Remarks", "--section", "DIPLOMACY", "--language", "Chinese", "--site", "desk")
        #expect(bad.status == 64)
        #expect(bad.errors.contains("'Chinese' is not a language"), "\(bad.errors)")
    }
}
