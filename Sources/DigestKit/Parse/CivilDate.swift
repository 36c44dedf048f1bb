/// A calendar day with no time zone attached: the day a reader in the site's zone sees.
///
/// All arithmetic is on integers (days since 1970-01-01), so grouping thousands of articles by
/// day and week needs no `Calendar` or formatter.
public struct CivilDate: Codable, Hashable, Comparable, Sendable {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public var isValid: Bool {
        (1...12).contains(month) && day >= 1 && day <= Self.daysIn(month: month, year: year)
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// ISO weekday: Monday is 1, Sunday is 7.
    public var weekday: Int {
        let days = daysSinceEpoch
        // 1970-01-01 was a Thursday (4).
        return ((days % 7 + 7) % 7 + 3) % 7 + 1
    }

    public func adding(days: Int) -> CivilDate {
        CivilDate(daysSinceEpoch: daysSinceEpoch + days)
    }

    /// The ISO 8601 week this day belongs to: weeks start on Monday, and a week belongs to the
    /// year that holds its Thursday (so 2019-12-30 is in 2020-W01).
    public var isoWeek: ISOWeek {
        let thursday = adding(days: 4 - weekday)
        let january1 = CivilDate(year: thursday.year, month: 1, day: 1)
        let week = (thursday.daysSinceEpoch - january1.daysSinceEpoch) / 7 + 1
        return ISOWeek(year: thursday.year, week: week)
    }

    /// `2019-02-13`.
    public var id: String {
        "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))"
    }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

/// An ISO 8601 week: `2019-W07`.
public struct ISOWeek: Hashable, Comparable, Sendable {
    public var year: Int
    public var week: Int

    public init(year: Int, week: Int) {
        self.year = year
        self.week = week
    }

    public var id: String { "\(CivilDate.pad(year, 4))-W\(CivilDate.pad(week, 2))" }

    /// The Monday that starts the week.
    public var monday: CivilDate {
        let january4 = CivilDate(year: year, month: 1, day: 4)
        let week1Monday = january4.adding(days: 1 - january4.weekday)
        return week1Monday.adding(days: (week - 1) * 7)
    }

    public var sunday: CivilDate { monday.adding(days: 6) }

    public static func < (lhs: ISOWeek, rhs: ISOWeek) -> Bool {
        (lhs.year, lhs.week) < (rhs.year, rhs.week)
    }
}
