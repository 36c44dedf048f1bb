import Foundation

@testable import DigestKit

/// The repository root, which is also the sample site.
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A site folder in a fresh temporary directory, with the repository's templates, for builds
/// that run on real files.
struct TempSite {
    let root: URL

    init(siteYML: String = "title: Test Desk\ntimezone: Asia/Shanghai\n", articles: [String: String] = [:]) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("digest-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Content"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: repositoryRoot.appendingPathComponent("Templates").resolvingSymlinksInPath(),
            to: root.appendingPathComponent("Templates"))
        try write("site.yml", siteYML)
        for (path, text) in articles { try write("Content/\(path)", text) }
    }

    var output: URL { root.appendingPathComponent("Public") }

    func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    func write(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    func options() -> BuildOptions {
        var options = BuildOptions(siteDirectory: root)
        options.now = Date(timeIntervalSince1970: 1_700_000_000)
        return options
    }

    @discardableResult
    func build(_ configure: (inout BuildOptions) -> Void = { _ in }) throws -> BuildSummary {
        var options = options()
        configure(&options)
        return try SiteBuilder(options: options).build()
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}

/// A well-formed article, with fields to vary.
func articleText(
    title: String = "Ministry briefing",
    date: String = "\"2019-02-13T09:15:25+08:00\"",
    section: String = "DIPLOMACY",
    extra: String = "",
    body: String = "Body text."
) -> String {
    "---\ntitle: \(title)\ndate: \(date)\nsection: \(section)\n\(extra)---\n\n\(body)\n"
}

/// Every file under `folder`, relative path → bytes.
func snapshot(of folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for relative in ContentLoader.walk(folder) {
        files[relative] = try Data(contentsOf: folder.appendingPathComponent(relative))
    }
    return files
}

/// The built-in theme's templates, compiled.
func repositoryTemplates() throws -> TemplateSet {
    let sources = try Theme.builtIn.templateSources()
    return try TemplateSet.compile(sources).get()
}

func shanghai() -> TimeZone { TimeZone(identifier: "Asia/Shanghai")! }
