import Foundation

/// Splits a Markdown file into YAML front matter and body.
///
/// Accepts a UTF-8 byte order mark and CRLF line ends (editors on Windows write both); neither
/// reaches the output.
public enum FrontMatterSplitter {
    public static func split(_ file: SourceFile) -> Result<RawDocument, Diagnostic> {
        guard let text = SourceText.decode(file.bytes) else {
            return .failure(
                Diagnostic(
                    file: file.path, line: 1, column: 1, message: "the file is not valid UTF-8 text",
                    hint: "re-save it with UTF-8 encoding"))
        }
        if text.allSatisfy(\.isWhitespace) {
            return .failure(
                Diagnostic(
                    file: file.path, line: 1, column: 1, message: "the file is empty",
                    hint: "add front matter between --- lines with at least title, date and section, or delete the file"))
        }
        // Lines are found on UTF-8 bytes: splitting a String by Character is a large part of
        // reading thousands of files.
        let bytes = text.utf8
        var lineStarts = [bytes.startIndex]
        var closing: (start: String.Index, end: String.Index, line: Int)?
        var index = bytes.startIndex
        while index < bytes.endIndex {
            guard let newline = bytes[index...].firstIndex(of: 10) else { break }
            let lineStart = lineStarts.last!
            let line = text[lineStart..<newline].trimmingTrailingSpaces()
            if lineStarts.count == 1 {
                guard line == "---" else { break }
            } else if line == "---" || line == "..." {
                closing = (lineStart, newline, lineStarts.count)
                break
            }
            index = bytes.index(after: newline)
            lineStarts.append(index)
        }
        if lineStarts.count == 1, !(text.prefix(while: { $0 != "\n" }).trimmingTrailingSpaces() == "---") {
            return .failure(
                Diagnostic(
                    file: file.path, line: 1, column: 1, message: "the file does not start with front matter",
                    hint: "begin it with a line '---', the YAML fields (title, date, section), and another '---'"))
        }
        // The last line may close the front matter without a newline after it.
        if closing == nil, lineStarts.count > 1, let last = lineStarts.last, last < bytes.endIndex {
            let line = text[last...].trimmingTrailingSpaces()
            if line == "---" || line == "..." { closing = (last, bytes.endIndex, lineStarts.count) }
        }
        guard let closing else {
            return .failure(
                Diagnostic(
                    file: file.path, line: 1, column: 1, message: "the front matter is not closed",
                    hint: "add a line '---' after the last YAML field"))
        }
        let yamlStart = lineStarts[1]
        let yaml = yamlStart < closing.start ? String(text[yamlStart..<text.index(before: closing.start)]) : ""
        let body = closing.end < bytes.endIndex ? String(text[bytes.index(after: closing.end)...]) : ""
        return .success(
            RawDocument(
                path: file.path, frontMatter: yaml, frontMatterLine: 2, body: body, bodyLine: closing.line + 1))
    }
}

extension StringProtocol where SubSequence == Substring {
    func trimmingTrailingSpaces() -> Substring {
        var end = endIndex
        while end > startIndex, let last = self[..<end].last, last == " " || last == "\t" {
            end = index(before: end)
        }
        return self[startIndex..<end]
    }
}
