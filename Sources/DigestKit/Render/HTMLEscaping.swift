import Mustache

/// Digest's HTML escaping: the same five entities as swift-mustache's own HTML content type,
/// worked out on UTF-8 bytes. Templates escape the same way straight into a page's bytes
/// (`TemplateEscaper.appendHTML`); this form is for other pages' text, and is registered with
/// swift-mustache for the tests' reference rendering.
///
/// swift-mustache escapes Character by Character with a dictionary lookup each, which showed
/// plainly in a full build's profile. Most values (dates, URLs, names) need no escaping at all, and those
/// come back as they are, without a copy.
struct HTMLEscaping: MustacheContentType {
    /// Its name in a `{{% CONTENT_TYPE: …}}` pragma.
    static let name = "DIGEST_HTML"

    /// Registers the content type with swift-mustache (a process-wide table) once.
    static let registered: Void = MustacheContentTypes.register(HTMLEscaping(), named: name)

    func escapeText(_ text: String) -> String {
        Self.escape(text)
    }

    static func escape(_ text: String) -> String {
        var contiguous = text
        return contiguous.withUTF8 { bytes in
            guard let first = bytes.firstIndex(where: needsEscaping) else { return text }
            var escaped: [UInt8] = []
            escaped.reserveCapacity(bytes.count + 16)
            escaped.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                switch byte {
                case UInt8(ascii: "<"): escaped.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): escaped.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "&"): escaped.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "\""): escaped.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'"): escaped.append(contentsOf: "&#39;".utf8)
                default: escaped.append(byte)
                }
            }
            return String(decoding: escaped, as: UTF8.self)
        }
    }

    private static func needsEscaping(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "\""), UInt8(ascii: "'"): true
        default: false
        }
    }
}
