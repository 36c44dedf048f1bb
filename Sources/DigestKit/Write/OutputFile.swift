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

    /// A path is safe when it cannot name anything outside the output folder.
    public static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\"), !path.contains("\0") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy {
            !$0.isEmpty && $0 != "." && $0 != ".."
        }
    }
}
