/// The credit line under a headline: `Source:Xinhua Published: 2019/2/13 9:15:25`, also with
/// `|` or wide spaces between the parts, or only one of them.
struct CreditLine {
    var source: String?
    var published: String?

    init?(_ line: String) {
        let pattern = /(?:(?i:source)\s*[:：]\s*(?<source>.*?)\s*(?:[|｜·•]\s*)?)?(?:(?i:published)\s*[:：]\s*(?<published>.*?))?\s*/
        guard let match = line.wholeMatch(of: pattern),
            match.source != nil || match.published != nil
        else { return nil }
        source = Self.value(match.source)
        published = Self.value(match.published)
    }

    /// `Source: | Published: …` has a source label but no source.
    static func value(_ text: Substring?) -> String? {
        guard let text else { return nil }
        let value = WireCopyParser.collapsingSpaces(String(text))
        return value.isEmpty ? nil : value
    }
}
