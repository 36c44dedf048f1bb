import CCmarkGFM
import Foundation

/// A quotation and the person it is attributed to.
public struct AttributedQuote: Hashable, Sendable {
    public var text: String
    public var speaker: String
    /// Line in the body (Markdown) where the quote starts.
    public var line: Int

    public init(text: String, speaker: String, line: Int) {
        self.text = text
        self.speaker = speaker
        self.line = line
    }
}

/// Finds quotes in the house style: a blockquote whose last paragraph is `— Name` (or whose next
/// paragraph is), read from cmark-gfm's tree so no Markdown is parsed by hand.
enum QuoteFinder {
    static let dashes: Set<Character> = ["—", "―", "–"]

    static func quotes(in document: OpaquePointer) -> [AttributedQuote] {
        var quotes: [AttributedQuote] = []
        var node = cmark_node_first_child(document)
        while let current = node {
            defer { node = cmark_node_next(current) }
            guard cmark_node_get_type(current) == CMARK_NODE_BLOCK_QUOTE else { continue }
            var paragraphs: [String] = []
            var child = cmark_node_first_child(current)
            while let paragraph = child {
                if cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH { paragraphs.append(plainText(paragraph)) }
                child = cmark_node_next(paragraph)
            }
            var speaker = paragraphs.last.flatMap(attribution)
            if speaker != nil {
                paragraphs.removeLast()
            } else if let next = cmark_node_next(current), cmark_node_get_type(next) == CMARK_NODE_PARAGRAPH {
                speaker = attribution(plainText(next))
            }
            let text = paragraphs.joined(separator: "\n\n")
            guard let speaker, !text.isEmpty else { continue }
            quotes.append(AttributedQuote(text: text, speaker: speaker, line: Int(cmark_node_get_start_line(current))))
        }
        return quotes
    }

    /// `— Hua Chunying` → `Hua Chunying`; `-- Name` is accepted too. Anything longer than a name
    /// (a sentence that happens to start with a dash) is not an attribution.
    static func attribution(_ paragraph: String) -> String? {
        var text = Substring(paragraph.trimmingCharacters(in: .whitespaces))
        if text.hasPrefix("--") {
            text = text.dropFirst(2)
        } else if let first = text.first, dashes.contains(first) {
            text = text.dropFirst()
        } else {
            return nil
        }
        let name = text.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 80, !name.contains("\n") else { return nil }
        return name
    }

    /// The text of a node's inlines, with soft breaks as spaces.
    static func plainText(_ node: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(node) else { return text }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let inline = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(inline) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(inline) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                continue
            }
        }
        return text
    }
}
