import Foundation

/// The parts of a scraped news page that are not the article: comment widgets, share buttons and
/// lists of other stories.
enum PageFurniture {
    /// Whole lines dropped wherever they appear (compared lowercased, without a trailing colon).
    static let lines: Set<String> = [
        "blog comments powered by disqus", "comments powered by disqus", "comments", "share", "share this",
        "share this article", "share this story", "facebook", "twitter", "weibo", "wechat", "linkedin",
        "reddit", "whatsapp", "telegram", "email", "e-mail", "print", "tweet", "google+", "advertisement",
    ]

    /// Headings of story lists; they and everything after them are dropped, since what follows is
    /// other articles' headlines, not this one's text (only a `Posted in:` line is still looked for).
    static let trailingListHeadings: Set<String> = [
        "related", "related news", "related stories", "related articles", "related posts",
        "you may also like", "more news", "read more", "most viewed", "most popular",
    ]

    static func isFurniture(_ line: String) -> Bool {
        lines.contains(normalized(line))
    }

    static func startsTrailingList(_ line: String) -> Bool {
        trailingListHeadings.contains(normalized(line))
    }

    static func normalized(_ line: String) -> String {
        var text = line.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        while text.hasSuffix(":") || text.hasSuffix("：") { text.removeLast() }
        return text.trimmingCharacters(in: .whitespaces)
    }
}
