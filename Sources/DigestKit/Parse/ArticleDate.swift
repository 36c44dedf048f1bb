import Foundation

/// When an article was published: the instant, and the day and time a reader in the site's time
/// zone sees.
public struct ArticleDate: Codable, Hashable, Comparable, Sendable {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var instant: Int
    /// Day in the site's time zone.
    public var day: CivilDate
    /// Seconds since local midnight in the site's time zone.
    public var secondsIntoDay: Int
    /// Offset of the site's zone from UTC at `instant`, in seconds.
    public var utcOffset: Int

    public init(instant: Int, in zone: TimeZone) {
        self.instant = instant
        let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))
        let local = instant + offset
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        self.day = CivilDate(daysSinceEpoch: days)
        self.secondsIntoDay = local - days * 86_400
        self.utcOffset = offset
    }

    /// The fields as they were worked out before (the build cache stores them).
    init(instant: Int, day: CivilDate, secondsIntoDay: Int, utcOffset: Int) {
        self.instant = instant
        self.day = day
        self.secondsIntoDay = secondsIntoDay
        self.utcOffset = utcOffset
    }

    public var date: Date { Date(timeIntervalSince1970: TimeInterval(instant)) }
    public var hour: Int { secondsIntoDay / 3600 }
    public var minute: Int { secondsIntoDay % 3600 / 60 }
    public var second: Int { secondsIntoDay % 60 }

    /// `2019-02-13T09:15:25+08:00`, in the site's zone, for `<time datetime>` and feeds.
    public var iso8601: String {
        let sign = utcOffset < 0 ? "-" : "+"
        let offset = abs(utcOffset)
        return "\(day.id)T\(CivilDate.pad(hour, 2)):\(CivilDate.pad(minute, 2)):\(CivilDate.pad(second, 2))"
            + "\(sign)\(CivilDate.pad(offset / 3600, 2)):\(CivilDate.pad(offset % 3600 / 60, 2))"
    }

    /// `09:15`.
    public var clock: String { "\(CivilDate.pad(hour, 2)):\(CivilDate.pad(minute, 2))" }

    public static func < (lhs: ArticleDate, rhs: ArticleDate) -> Bool { lhs.instant < rhs.instant }
}
