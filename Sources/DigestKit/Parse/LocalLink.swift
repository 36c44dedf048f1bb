import Foundation

/// Classifies link targets in article bodies: which point at local files, and where those are.
enum LocalLink {
    /// The path part of a relative link (`img/chart.svg?x#y` → `img/chart.svg`), or nil for
    /// links that leave the site (`https:`, `mailto:`), anchors and root-absolute paths.
    static func relativePath(_ destination: String) -> String? {
        guard !destination.isEmpty, !destination.hasPrefix("#"), !destination.hasPrefix("/"),
            !destination.hasPrefix("//")
        else { return nil }
        // A character, not a string: `contains(String)` goes through Foundation's NSString
        // search, which showed in parsing every body's links.
        if let colon = destination.firstIndex(of: ":"),
            !destination[..<colon].contains(Character("/"))
        {
            return nil
        }  // a scheme: http:, mailto:, data:
        var path = Substring(destination)
        if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<cut] }
        guard !path.isEmpty else { return nil }
        return String(path).removingPercentEncoding ?? String(path)
    }

    /// `relative` resolved inside `folder`, or nil when it climbs out of it.
    static func resolve(_ relative: String, inFolder folder: String) -> String? {
        var parts: [Substring] = []
        for part in relative.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(part)
            }
        }
        guard !parts.isEmpty else { return nil }
        return ([folder] + parts.map(String.init)).filter { !$0.isEmpty }.joined(separator: "/")
    }
}
