import Foundation

/// `digest import` on disk: reads wire copy files, folders or standard input, and writes one
/// article per input into the site's `Content/`, never over an existing file.
///
/// Every input is tried; a bad one is reported and the rest still imported.
public struct Importer: Sendable {
    /// A file or folder path as the user typed it, or the bytes read from standard input (`-`).
    public enum Input: Sendable, Hashable {
        case path(String)
        case standardInput(Data)
    }

    /// One article made from one input.
    public struct Imported: Sendable, Hashable {
        /// The input as named in messages (`wire/cyber.txt`, `<stdin>`).
        public var input: String
        public var file: ArticleFile
    }

    public struct Report: Sendable {
        /// Written, or with `dryRun`, what would be written.
        public var imported: [Imported] = []
        public var diagnostics: [Diagnostic] = []
        /// Inputs that gave no article.
        public var failures = 0
        /// Articles written as drafts because the copy named no section.
        public var draftsWithoutSection = 0
    }

    public var siteDirectory: URL
    public var writer: ArticleFileWriter
    /// Make every article and report it, but write nothing.
    public var dryRun: Bool

    public init(siteDirectory: URL, writer: ArticleFileWriter, dryRun: Bool = false) {
        self.siteDirectory = siteDirectory
        self.writer = writer
        self.dryRun = dryRun
    }

    public func run(_ inputs: [Input]) -> Report {
        var report = Report()
        // Paths taken in this run, so two inputs with the same headline and day cannot collide in a dry run either.
        var claimed = Set<String>()
        for (name, bytes) in inputs.flatMap(Self.expand) {
            var outcome: ArticleFileWriter.Outcome
            switch bytes.flatMap({ Self.decode($0, input: name) }) {
            case let .success(text): outcome = writer.write(WireCopyParser.parse(text), input: name)
            case let .failure(diagnostic): outcome = .init(file: nil, diagnostics: [diagnostic])
            }
            if let file = outcome.file {
                if let problem = save(file, claimed: claimed, input: name) {
                    outcome.diagnostics.append(problem)
                } else {
                    claimed.insert(file.path)
                    report.imported.append(Imported(input: name, file: file))
                    if let line = file.missingSectionLine {
                        report.draftsWithoutSection += 1
                        outcome.diagnostics.append(Self.missingSection(file, line: line, input: name))
                    }
                }
            }
            report.diagnostics += outcome.diagnostics
            if outcome.diagnostics.hasErrors { report.failures += 1 }
        }
        return report
    }

    /// Names the written file and the line to fill in, so a batch of scraped copy is finished in
    /// the files it made rather than by importing again.
    static func missingSection(_ file: ArticleFile, line: Int, input: String) -> Diagnostic {
        .warning(
            file: file.path, line: line, column: 10,
            message: "written as a draft without a section: \(input) has no 'Posted in:' line",
            hint: "set the section on this line, e.g. 'section: DIPLOMACY', then remove 'draft: true' to publish it")
    }

    /// Writes `file` unless it exists; the error when it cannot.
    func save(_ file: ArticleFile, claimed: Set<String>, input: String) -> Diagnostic? {
        let url = siteDirectory.appendingPathComponent(file.path)
        if claimed.contains(file.path) || FileManager.default.fileExists(atPath: url.path) {
            return Diagnostic(
                file: input, message: "\(file.path) already exists; it was not overwritten",
                hint: "if this is a different article, rename or move the existing file and import again")
        }
        guard !dryRun else { return nil }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            // withoutOverwriting: a file that appeared since the check above is still kept.
            try Data(file.text.utf8).write(to: url, options: .withoutOverwriting)
            return nil
        } catch {
            return Diagnostic(file: input, message: "cannot write \(file.path): \(ContentLoader.reason(error))")
        }
    }

    /// Each input's name and bytes; a folder gives its regular, non-hidden files in name order.
    static func expand(_ input: Input) -> [(String, Result<Data, Diagnostic>)] {
        switch input {
        case let .standardInput(data): return [("<stdin>", .success(data))]
        case let .path(path): return expand(path: path)
        }
    }

    static func expand(path: String) -> [(String, Result<Data, Diagnostic>)] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            return [(path, .failure(Diagnostic(file: path, message: "no such file or folder")))]
        }
        guard isFolder.boolValue else { return [(path, read(path))] }
        let folder = URL(fileURLWithPath: path, isDirectory: true)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        } catch {
            return [(path, .failure(Diagnostic(file: path, message: "cannot read the folder: \(ContentLoader.reason(error))")))]
        }
        let files = names.filter { name in
            !name.hasPrefix(".")
                && (try? folder.appendingPathComponent(name).resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
        }
        guard !files.isEmpty else {
            return [(path, .failure(Diagnostic(file: path, message: "the folder holds no files to import")))]
        }
        return files.map { name in
            let shown = path.hasSuffix("/") ? path + name : path + "/" + name
            return (shown, read(shown))
        }
    }

    static func read(_ path: String) -> Result<Data, Diagnostic> {
        do {
            return .success(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            return .failure(Diagnostic(file: path, message: "cannot read the file: \(ContentLoader.reason(error))"))
        }
    }

    static func decode(_ bytes: Data, input: String) -> Result<String, Diagnostic> {
        guard let text = SourceText.decode(bytes) else {
            return .failure(
                Diagnostic(
                    file: input, message: "the file is not UTF-8 text",
                    hint: "convert it first, e.g. iconv -f GB18030 -t UTF-8"))
        }
        guard !text.allSatisfy(\.isWhitespace) else {
            return .failure(Diagnostic(file: input, message: "the file is empty"))
        }
        return .success(text)
    }
}
