import Foundation

/// The links, sources and ids of one built page. Digest's own templates and cmark-gfm write
/// attributes in double quotes, which is what this reads; it is a checker for our output, not a
/// general HTML parser.
struct HTMLLinks {
    var targets: [String] = []
    var ids: Set<String> = []

    private static let targetPattern = try! NSRegularExpression(pattern: #"\s(?:href|src)="([^"]*)""#)
    private static let idPattern = try! NSRegularExpression(pattern: #"\s(?:id|name)="([^"]*)""#)

    init(html: String) {
        let range = NSRange(html.startIndex..., in: html)
        for match in Self.targetPattern.matches(in: html, range: range) {
            targets.append(Self.unescape(String(html[Range(match.range(at: 1), in: html)!])))
        }
        for match in Self.idPattern.matches(in: html, range: range) {
            ids.insert(Self.unescape(String(html[Range(match.range(at: 1), in: html)!])))
        }
    }

    static func unescape(_ value: String) -> String {
        guard value.contains("&") else { return value }
        return value.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
