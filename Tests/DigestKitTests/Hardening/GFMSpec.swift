import Foundation

/// The examples of a CommonMark/GFM spec text (`spec.txt`, `extensions.txt`), read the way the
/// spec's own runner (`spec_tests.py`) reads them.
struct GFMSpec {
    struct Example {
        /// 1-based, counted across every file loaded, in order.
        var number: Int
        var file: String
        var section: String
        /// Words after `example` on the opening fence: `table`, `autolink`, `disabled`…
        var extensions: [String]
        var markdown: String
        var html: String
    }

    static let fence = String(repeating: "`", count: 32)

    /// The fixtures copied from the GFM spec (see `Fixtures/gfm/SOURCE.txt`).
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/gfm")

    static func load(_ names: [String] = ["spec.txt", "extensions.txt"]) throws -> [Example] {
        var examples: [Example] = []
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            examples += parse(text, file: name, firstNumber: examples.count + 1)
        }
        return examples
    }

    /// An example is a fenced block `<32 backticks> example [ext…]`, Markdown, a line `.`, the
    /// expected HTML, and a closing fence; `→` stands for a tab. The section is the last heading
    /// seen outside an example.
    static func parse(_ text: String, file: String, firstNumber: Int) -> [Example] {
        enum State { case prose, markdown, html }
        var state = State.prose
        var section = ""
        var extensions: [String] = []
        var markdown = ""
        var html = ""
        var examples: [Example] = []
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(rawLine)
            switch state {
            case .prose:
                if line.hasPrefix(fence + " example") {
                    extensions = line.dropFirst(fence.count + " example".count).split(separator: " ").map(String.init)
                    markdown = ""
                    html = ""
                    state = .markdown
                } else if line.hasPrefix("#"), let space = line.firstIndex(of: " "),
                    line[..<space].allSatisfy({ $0 == "#" })
                {
                    section = line[space...].trimmingCharacters(in: .whitespaces)
                }
            case .markdown:
                if line == "." { state = .html } else { markdown += line + "\n" }
            case .html:
                if line == fence {
                    examples.append(
                        Example(
                            number: firstNumber + examples.count, file: file, section: section, extensions: extensions,
                            markdown: markdown.replacingOccurrences(of: "→", with: "\t"),
                            html: html.replacingOccurrences(of: "→", with: "\t")))
                    state = .prose
                } else {
                    html += line + "\n"
                }
            }
        }
        return examples
    }
}

/// HTML normalised for comparison, after cmark's `test/normalize.py` (used by `spec_tests.py`),
/// kept to what tells equivalent renderings apart:
///
/// - attributes are sorted by name, tag and attribute names lower-cased, values re-quoted with `"`;
/// - `<x/>` is written `<x>` (a void tag's slash does not matter);
/// - outside `<pre>`, runs of whitespace become one space, and whitespace next to a block-level
///   tag (`p`, `li`, `table`, `pre`…) is dropped; a newline right after `<br>` is dropped.
///
/// Unlike normalize.py it does not decode entities or re-encode URLs: both sides come from
/// cmark-family renderers, which already agree on those.
enum HTMLNormalizer {
    static let blockTags: Set<String> = [
        "article", "header", "aside", "hgroup", "blockquote", "hr", "iframe", "body", "li", "map", "button",
        "object", "canvas", "ol", "caption", "output", "col", "p", "colgroup", "pre", "dd", "progress",
        "section", "dl", "table", "td", "dt", "tbody", "embed", "textarea", "fieldset", "tfoot", "figcaption",
        "th", "figure", "thead", "footer", "tr", "form", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "video",
        "script", "style",
    ]

    private enum Last { case start, end, other }

    static func normalize(_ html: String) -> String {
        let chars = Array(html)
        var output = ""
        var last = Last.start
        var lastTag = ""
        var inPre = false
        var text = ""
        var index = 0

        func flushText() {
            guard !text.isEmpty else { return }
            var data = text
            text = ""
            if last != .other, lastTag == "br" { data = String(data.drop { $0 == "\n" }) }
            if !inPre { data = collapseWhitespace(data) }
            if last != .other, blockTags.contains(lastTag), !inPre {
                data = last == .start ? String(data.drop(while: \.isWhitespace)) : trimmed(data)
            }
            output += data
            last = .other
        }

        while index < chars.count {
            guard chars[index] == "<", let (token, next) = markup(chars, at: index) else {
                text.append(chars[index])
                index += 1
                continue
            }
            flushText()
            index = next
            switch token {
            case let .other(raw):
                output += raw
                last = .other
            case let .tag(name, closing, attributes, selfClosing):
                if closing {
                    if name == "pre" { inPre = false } else if blockTags.contains(name) { output = trimmedEnd(output) }
                    output += "</\(name)>"
                    last = .end
                } else {
                    if name == "pre" { inPre = true }
                    if blockTags.contains(name) { output = trimmedEnd(output) }
                    output += "<" + name
                    for (key, value) in attributes.sorted(by: { $0.0 < $1.0 }) {
                        output += " " + key
                        if let value { output += "=\"" + value.replacingOccurrences(of: "\"", with: "&quot;") + "\"" }
                    }
                    output += ">"
                    last = selfClosing ? .end : .start
                }
                lastTag = name
            }
        }
        flushText()
        return output
    }

    private enum Token {
        case tag(name: String, closing: Bool, attributes: [(String, String?)], selfClosing: Bool)
        /// Comments, declarations and processing instructions, kept verbatim.
        case other(String)
    }

    /// The markup starting at `start` (a `<`) and the index after it; nil when the `<` is text.
    private static func markup(_ chars: [Character], at start: Int) -> (Token, Int)? {
        func hasPrefix(_ prefix: String, at position: Int) -> Bool {
            let p = Array(prefix)
            return position + p.count <= chars.count && Array(chars[position..<position + p.count]) == p
        }
        func find(_ terminator: String, from position: Int) -> Int? {
            var i = position
            while i < chars.count {
                if hasPrefix(terminator, at: i) { return i + terminator.count }
                i += 1
            }
            return nil
        }
        if hasPrefix("<!--", at: start), let end = find("-->", from: start + 4) {
            return (.other(String(chars[start..<end])), end)
        }
        if hasPrefix("<!", at: start) || hasPrefix("<?", at: start), let end = find(">", from: start + 2) {
            return (.other(String(chars[start..<end])), end)
        }
        var i = start + 1
        let closing = i < chars.count && chars[i] == "/"
        if closing { i += 1 }
        guard i < chars.count, chars[i].isASCII, chars[i].isLetter else { return nil }
        var name = ""
        while i < chars.count, chars[i].isASCII, chars[i].isLetter || chars[i].isNumber || chars[i] == "-" {
            name.append(chars[i])
            i += 1
        }
        var attributes: [(String, String?)] = []
        var selfClosing = false
        while true {
            while i < chars.count, chars[i].isWhitespace { i += 1 }
            guard i < chars.count else { return nil }
            if chars[i] == ">" {
                i += 1
                break
            }
            if chars[i] == "/", i + 1 < chars.count, chars[i + 1] == ">" {
                selfClosing = true
                i += 2
                break
            }
            var key = ""
            while i < chars.count, !chars[i].isWhitespace, !"=/>\"'<".contains(chars[i]) {
                key.append(chars[i])
                i += 1
            }
            guard !key.isEmpty else { return nil }
            while i < chars.count, chars[i].isWhitespace { i += 1 }
            var value: String?
            if i < chars.count, chars[i] == "=" {
                i += 1
                while i < chars.count, chars[i].isWhitespace { i += 1 }
                guard i < chars.count else { return nil }
                if chars[i] == "\"" || chars[i] == "'" {
                    let quote = chars[i]
                    guard let close = chars[(i + 1)...].firstIndex(of: quote) else { return nil }
                    value = String(chars[(i + 1)..<close])
                    i = close + 1
                } else {
                    var bare = ""
                    while i < chars.count, !chars[i].isWhitespace, chars[i] != ">" {
                        bare.append(chars[i])
                        i += 1
                    }
                    value = bare
                }
            }
            attributes.append((key.lowercased(), value))
        }
        return (.tag(name: name.lowercased(), closing: closing, attributes: attributes, selfClosing: selfClosing), i)
    }

    private static func collapseWhitespace(_ text: String) -> String {
        var result = ""
        var inSpace = false
        for character in text {
            if character.isWhitespace {
                if !inSpace { result.append(" ") }
                inSpace = true
            } else {
                result.append(character)
                inSpace = false
            }
        }
        return result
    }

    private static func trimmed(_ text: String) -> String {
        trimmedEnd(String(text.drop(while: \.isWhitespace)))
    }

    private static func trimmedEnd(_ text: String) -> String {
        var text = text
        while text.last?.isWhitespace == true { text.removeLast() }
        return text
    }
}
