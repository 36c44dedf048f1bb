import CCmarkGFM
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one wrapper around cmark-gfm: Markdown in, HTML and the body's local links out.
public enum Markdown {
    public struct Options: Hashable, Sendable {
        /// Pass raw HTML through (script-like tags are still neutralised by tagfilter).
        public var unsafeHTML: Bool

        public init(unsafeHTML: Bool = false) {
            self.unsafeHTML = unsafeHTML
        }

        var cmarkOptions: Int32 {
            var options = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES | CMARK_OPT_GITHUB_PRE_LANG
            if unsafeHTML { options |= CMARK_OPT_UNSAFE }
            return options
        }
    }

    /// A link or image target found in the body, with the body line it is on.
    public struct Reference: Hashable, Sendable {
        public var destination: String
        public var line: Int
        public var isImage: Bool
    }

    public struct Rendered: Hashable, Sendable {
        public var html: String
        public var references: [Reference]
        /// Blockquotes attributed with a closing `— Name` line.
        public var quotes: [AttributedQuote] = []
    }

    /// The GitHub extensions a digest body may use.
    public static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// Renders one body. Parses once: the same tree gives the HTML and the references.
    public static func render(_ markdown: String, options: Options = Options()) -> Rendered {
        registerExtensions
        let flags = options.cmarkOptions
        guard let parser = cmark_parser_new(flags) else { return Rendered(html: "", references: []) }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let syntax = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntax)
            }
        }
        // cmark-gfm 0.29 keeps the inline parser's special-character table in a global that each
        // parse fills at the start of inline parsing and clears at its end, so two parses at
        // once can drop `~` and `|` from each other's table (seen as flaky strikethrough and
        // table output). Inline parsing only happens in `finish`, so that is done one at a time;
        // feeding (block structure) and rendering the tree stay parallel.
        markdown.utf8CString.withUnsafeBufferPointer { buffer in
            cmark_parser_feed(parser, buffer.baseAddress, buffer.count - 1)
        }
        var parsed: OpaquePointer?
        parseLock.withLock { _ in parsed = cmark_parser_finish(parser) }
        guard let document = parsed else { return Rendered(html: "", references: []) }
        defer { cmark_node_free(document) }

        let references = collectReferences(in: document)
        let quotes = QuoteFinder.quotes(in: document)
        guard let cString = cmark_render_html(document, flags, cmark_parser_get_syntax_extensions(parser)) else {
            return Rendered(html: "", references: references, quotes: quotes)
        }
        defer { free(cString) }
        return Rendered(html: String(cString: cString), references: references, quotes: quotes)
    }

    private static func collectReferences(in document: OpaquePointer) -> [Reference] {
        var references: [Reference] = []
        guard let iterator = cmark_iter_new(document) else { return references }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE,
                let url = cmark_node_get_url(node)
            else { continue }
            references.append(
                Reference(
                    destination: String(cString: url),
                    line: Int(cmark_node_get_start_line(node)),
                    isImage: type == CMARK_NODE_IMAGE))
        }
        return references
    }

    /// Process-wide: the table it guards is a global of the C library (see `render`).
    private static let parseLock = Mutex(())

    /// cmark-gfm's extension registry is global; registering once is enough and must come
    /// before any lookup, or `cmark_find_syntax_extension` returns nil.
    private static let registerExtensions: Void = {
        cmark_gfm_core_extensions_ensure_registered()
    }()
}
