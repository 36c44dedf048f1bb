import Foundation

/// Splits a Markdown file into YAML front matter and body.
///
/// Accepts a UTF-8 byte order mark and CRLF line ends (editors on Windows write both); neither
/// reaches the output.
public enum FrontMatterSplitter {
    public static func split(_ file: SourceFile) -> Result<RawDocument, Diagnostic> {
        guard let text = SourceText.decode(file.bytes) else {
            return .failure(Diagnostic(
                file: file.path, line: 1, column: 1, message: "the file is not valid UTF-8 text",
                hint: "re-save it with UTF-8 encoding"))
        }
        if text.allSatisfy(\.isWhitespace) {
            return .failure(Diagnostic(
                file: file.path, line: 1, column: 1, message: "the file is empty",
                hint: "add front matter between --- lines with at least title, date and section, or delete the file"))
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first.map({ $0.trimmingTrailingSpaces() == "---" }) == true else {
            return .failure(Diagnostic(
                file: file.path, line: 1, column: 1, message: "the file does not start with front matter",
                hint: "begin it with a line '---', the YAML fields (title, date, section), and another '---'"))
        }
        guard let close = lines.indices.dropFirst().first(where: {
            let line = lines[$0].trimmingTrailingSpaces()
            return line == "---" || line == "..."
        }) else {
            return .failure(Diagnostic(
                file: file.path, line: 1, column: 1, message: "the front matter is not closed",
                hint: "add a line '---' after the last YAML field"))
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        return .success(RawDocument(
            path: file.path, frontMatter: yaml, frontMatterLine: 2, body: body, bodyLine: close + 2))
    }
}

extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var end = endIndex
        while end > startIndex, let last = self[..<end].last, last == " " || last == "\t" {
            end = index(before: end)
        }
        return self[startIndex..<end]
    }
}
