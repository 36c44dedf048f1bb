/// Wire copy as scraped from a news page, taken apart but not yet judged: every field is what
/// the page said, or nil when it said nothing.
public struct WireCopy: Sendable, Hashable {
    /// The headline: the first line, unless that line is already the `Source:`/`Published:` line.
    public var title: String?
    /// From `Source:` (`Xinhua`).
    public var source: String?
    /// From `Published:`, as written (`2019/2/13 9:15:25`); it is read in a time zone only when
    /// the article is made, since the page does not say which zone it means.
    public var published: String?
    /// From `Posted in:` (`DIPLOMACY`).
    public var section: String?
    /// The body's paragraphs as plain text, one per non-empty line, page furniture removed.
    public var paragraphs: [String]

    public init(
        title: String? = nil, source: String? = nil, published: String? = nil, section: String? = nil,
        paragraphs: [String] = []
    ) {
        self.title = title
        self.source = source
        self.published = published
        self.section = section
        self.paragraphs = paragraphs
    }
}
