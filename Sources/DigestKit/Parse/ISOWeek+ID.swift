import Foundation

extension ISOWeek {
    /// Reads a week id as people type it: `2019-W07`, `2019-w7`, `2019W07`. Nil for anything
    /// else, including weeks the year does not have (`2019-W53`, `2019-W00`).
    public init?(id text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).uppercased().split(separator: "W", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let yearText = parts[0].hasSuffix("-") ? parts[0].dropLast() : parts[0]
        guard yearText.count == 4, parts[1].count >= 1, parts[1].count <= 2,
            yearText.allSatisfy(\.isASCIIDigit), parts[1].allSatisfy(\.isASCIIDigit),
            let year = Int(yearText), let week = Int(parts[1])
        else { return nil }
        guard week >= 1, week <= Self.weeks(in: year) else { return nil }
        self.init(year: year, week: week)
    }

    /// 52 or 53: the week of 28 December is always the year's last.
    public static func weeks(in year: Int) -> Int {
        CivilDate(year: year, month: 12, day: 28).isoWeek.week
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
