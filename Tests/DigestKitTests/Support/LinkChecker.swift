import Foundation

/// Finds every `href` and `src` in the built HTML and checks that local ones resolve to a file.
struct LinkChecker {
    let output: URL

    struct Problem: CustomStringConvertible {
        var page: String
        var link: String
        var reason: String
        var description: String { "\(page): \(link): \(reason)" }
    }

    static let attribute = try! NSRegularExpression(pattern: #"(?:href|src)="([^"]*)""#)

    func links(in page: String) throws -> [String] {
        let html = try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8)
        let range = NSRange(html.startIndex..., in: html)
        return Self.attribute.matches(in: html, range: range).map {
            String(html[Range($0.range(at: 1), in: html)!])
                .replacingOccurrences(of: "&amp;", with: "&")
        }
    }

    /// Problems across all pages; `subPath` also checks that, served under that path of a host,
    /// no link leaves it.
    func check(subPath: String = "/digest/") throws -> (problems: [Problem], checked: Int) {
        var problems: [Problem] = []
        var checked = 0
        let pages = try FileManager.default.subpathsOfDirectory(atPath: output.path).filter { $0.hasSuffix(".html") }
        for page in pages {
            for link in try links(in: page) {
                if link.hasPrefix("/") {
                    problems.append(Problem(page: page, link: link, reason: "root-absolute link"))
                    continue
                }
                if link.isEmpty || link.hasPrefix("#") || link.contains("://") || link.hasPrefix("mailto:") { continue }
                checked += 1
                let base = URL(string: "https://example.org\(subPath)\(page.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)!)")!
                // The file a link names: its fragment, if any, names a place in it.
                let file = String(link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0])
                guard let resolved = URL(string: file.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed) ?? file, relativeTo: base)?.absoluteURL
                else {
                    problems.append(Problem(page: page, link: link, reason: "not a URL"))
                    continue
                }
                guard resolved.path.hasPrefix(subPath) || resolved.path + "/" == subPath else {
                    problems.append(Problem(page: page, link: link, reason: "leaves \(subPath)"))
                    continue
                }
                var target = String(resolved.path.dropFirst(subPath.count))
                if target.isEmpty || target.hasSuffix("/") { target += "index.html" }
                if !FileManager.default.fileExists(atPath: output.appendingPathComponent(target).path) {
                    problems.append(Problem(page: page, link: link, reason: "no file \(target)"))
                }
            }
        }
        return (problems, checked)
    }
}
