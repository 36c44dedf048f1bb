import Foundation

/// Takes raw wire copy apart: title line, `Source:`/`Published:` line, paragraphs,
/// `Posted in:` line, and the page furniture around them, which is dropped. `Posted in:` is
/// found wherever it stands: above, among or below the furniture and story lists.
///
/// Expects text already decoded (`SourceText.decode`: no BOM, LF line ends). It never fails: what
/// it cannot find stays nil, for `ArticleFileWriter` to report.
public enum WireCopyParser {
    public static func parse(_ text: String) -> WireCopy {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }[...]
        var copy = WireCopy()

        if let first = lines.first, CreditLine(first) == nil {
            copy.title = collapsingSpaces(first)
            lines = lines.dropFirst()
        }
        // The credit may be one line (`Source:Xinhua Published: …`) or two.
        while let line = lines.first, let credit = CreditLine(line) {
            copy.source = copy.source ?? credit.source
            copy.published = copy.published ?? credit.published
            lines = lines.dropFirst()
        }
        // Set at a story-list heading: what follows is other articles' headlines, but the page's
        // own `Posted in:` often stands below that list, among share buttons and widgets.
        var inTrailingList = false
        for line in lines {
            if let section = postedIn(line) {
                if copy.section == nil, !section.isEmpty { copy.section = section }
                // At the foot of the article, the rest of the page is furniture.
                if !copy.paragraphs.isEmpty || inTrailingList { break }
                continue
            }
            if inTrailingList { continue }
            if PageFurniture.startsTrailingList(line) {
                inTrailingList = true
                continue
            }
            if PageFurniture.isFurniture(line) { continue }
            copy.paragraphs.append(line)
        }
        return copy
    }

    /// `Posted in: DIPLOMACY` → `DIPLOMACY`; `Posted in:` with nothing after it → "".
    static func postedIn(_ line: String) -> String? {
        guard let match = line.wholeMatch(of: /(?i:posted\s+in)\s*[:：]\s*(?<section>.*)/) else { return nil }
        return collapsingSpaces(String(match.section))
    }

    static func collapsingSpaces(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
