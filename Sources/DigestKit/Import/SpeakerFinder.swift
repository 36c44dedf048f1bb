import Foundation

/// Finds the people a wire story quotes, from the few phrasings wire copy uses for them:
///
/// - `said Foreign Ministry spokesperson Hua Chunying`
/// - `Foreign Ministry spokesperson Geng Shuang said`
/// - `Hua Chunying, spokesperson of the Foreign Ministry, said`
/// - `said Geng Shuang, a spokesperson for the ministry`
///
/// It is deliberately conservative: a name counts only next to both a role word (spokesperson,
/// minister, ambassador…) and a speech verb, and is 2–3 capitalised words that are not weekdays,
/// institutions or sentence openers. A missed speaker costs the editor one line; a wrong one
/// would publish a page for someone who does not exist.
public enum SpeakerFinder {
    /// Names in order of first mention, each once.
    public static func speakers(in paragraphs: [String]) -> [String] {
        let compiled = compiledPatterns()
        var seen = Set<String>()
        var found: [String] = []
        for paragraph in paragraphs {
            for pattern in compiled {
                for match in paragraph.matches(of: pattern) {
                    guard let range = match.output["name"]?.range,
                        let name = personName(String(paragraph[range])),
                        seen.insert(TermKey.normalize(name)).inserted
                    else { continue }
                    found.append(name)
                }
            }
        }
        return found
    }

    static let roles =
        "spokesperson|spokesman|spokeswoman|minister|ambassador|official|envoy|diplomat|"
        + "president|premier|chancellor|secretary|chairman|chairwoman|director|commissioner"
    static let role = "(?i:\(roles))"
    static let speech = "(?:said|says|told|added)"
    static let name = "(?<name>[A-Z][a-z]+(?:[-'’][A-Za-z]+)?(?:\\s+[A-Z][a-z]+(?:[-'’][A-Za-z]+)?){1,2})"
    /// What follows a role that is a noun (`a spokesperson, said`, `spokesperson of …`), which keeps
    /// `said New Zealand, an official partner` out.
    static let afterRole = "(?=\\s*[,.;]|\\s*$|\\s+(?:of|for|at|with|to|in|from)\\b)"

    static let patterns = [
        "\\b\(speech)\\s+(?:[A-Z][A-Za-z]*\\s+){0,4}\(role)\\s+\(name)\\b",
        "\\b\(role)\\s+\(name)\\s+\(speech)\\b",
        "(?:^|[.;:\"“”]\\s+|\\b[a-z]+\\s+)\(name),\\s+(?:(?:a|an|the)\\s+)?(?:[^,.;]{0,60}?\\s)?\(role)\\b\(afterRole)[^.;]{0,80}?,\\s+\(speech)\\b",
        "\\b\(speech)\\s+\(name),\\s+(?:(?:a|an|the)\\s+)?(?:[^,.;]{0,60}?\\s)?\(role)\\b\(afterRole)",
    ]

    /// Compiled per call, since `Regex` is not `Sendable`; a typo in a pattern drops it, which
    /// a test catches.
    static func compiledPatterns() -> [Regex<AnyRegexOutput>] {
        patterns.compactMap { try? Regex($0) }
    }

    /// Words that are capitalised for other reasons than being a name.
    static let notNameWords: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "the", "this", "that", "these", "those", "in", "on", "at", "but", "and", "however", "meanwhile",
        "news", "agency", "ministry", "daily", "times", "post", "office", "council", "committee",
        "department", "party", "government", "bureau", "association", "university", "institute",
        "center", "centre", "group", "company", "bank", "union", "organization", "embassy", "state", "foreign",
    ]

    /// The candidate, with trailing non-name words (`Hua Chunying Tuesday`) removed, if 2–3 name
    /// words remain and none of them is a non-name word.
    static func personName(_ candidate: String) -> String? {
        var words = candidate.split(whereSeparator: \.isWhitespace).map(String.init)
        let roleWords = Set(roles.split(separator: "|").map(String.init))
        func isNameWord(_ word: String) -> Bool {
            let lower = word.lowercased()
            return !notNameWords.contains(lower) && !roleWords.contains(lower)
        }
        while let last = words.last, !isNameWord(last) { words.removeLast() }
        guard (2...3).contains(words.count), words.allSatisfy(isNameWord) else { return nil }
        return words.joined(separator: " ")
    }
}
