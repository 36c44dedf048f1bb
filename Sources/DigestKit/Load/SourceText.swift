import Foundation

/// Decodes a text file the way editors on any platform save it.
public enum SourceText {
    /// The text with a UTF-8 byte order mark removed and CRLF or CR line ends turned into LF;
    /// nil when the bytes are not UTF-8.
    public static func decode(_ bytes: Data) -> String? {
        guard var text = String(data: bytes, encoding: .utf8) else { return nil }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        // Looked for with memchr on the file's bytes: `String.contains(String)` goes through
        // NSString on Linux, and `utf8.contains` steps byte by byte, on every source file.
        let hasCarriageReturn = bytes.withUnsafeBytes { raw in
            raw.baseAddress.map { memchr($0, 13, raw.count) != nil } ?? false
        }
        if hasCarriageReturn {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return text
    }
}
