import Foundation

/// A file of the built site: rendered bytes, or a file to copy (theme assets, article images).
public struct OutputFile: Sendable, Hashable {
    public enum Content: Sendable, Hashable {
        case bytes(Data)
        case copy(URL)
    }

    /// Path relative to the output folder, `/`-separated.
    public var path: String
    public var content: Content

    public init(path: String, content: Content) {
        self.path = path
        self.content = content
    }

    public static func text(_ path: String, _ text: String) -> OutputFile {
        OutputFile(path: path, content: .bytes(Data(text.utf8)))
    }

    /// `a/b` for `a/b/c.html`, "" for `c.html`; on bytes, as it runs for every file written.
    static func folder(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[..<slash])
    }

    /// A path is safe when it cannot name anything outside the output folder.
    /// Every `/`-separated part must be a name: not empty, not `.` or `..`; no `\\` or NUL
    /// anywhere. Checked byte by byte, as it runs for every file a build writes.
    public static func isSafe(_ path: String) -> Bool {
        var length = 0
        var onlyDots = true
        func isName() -> Bool { length > 0 && !(onlyDots && length <= 2) }
        for byte in path.utf8 {
            switch byte {
            case 0, UInt8(ascii: "\\"): return false
            case UInt8(ascii: "/"):
                guard isName() else { return false }
                length = 0
                onlyDots = true
            default:
                length += 1
                if byte != UInt8(ascii: ".") { onlyDots = false }
            }
        }
        return isName()
    }
}
