import Foundation

/// Reads the date formats a briefing desk meets:
/// `2019-02-13T09:15:25+08:00`, `2019-02-13 09:15`, `2019-02-13`, `2019/2/13 9:15:25`, `…Z`.
///
/// Without an offset the site's time zone applies. Impossible values (`2019/2/30 25:61`) are
/// errors, never rolled over into the next day.
public enum ArticleDateParser {
    public struct Failure: Error, Hashable, Sendable {
        public var reason: String
    }

    public static func parse(_ text: String, in zone: TimeZone) throws(Failure) -> ArticleDate {
        var scanner = Scanner(Array(text.trimmingCharacters(in: .whitespaces).utf8))
        let invalid = Failure(reason: "'\(text)' is not a date; write it like 2019-02-13T09:15:25+08:00, 2019-02-13 09:15 or 2019/2/13 9:15:25")

        guard let year = scanner.number(minDigits: 4, maxDigits: 4) else { throw invalid }
        guard let separator = scanner.take(oneOf: [UInt8(ascii: "-"), UInt8(ascii: "/")]) else { throw invalid }
        guard let month = scanner.number(minDigits: 1, maxDigits: 2),
            scanner.take(oneOf: [separator]) != nil,
            let day = scanner.number(minDigits: 1, maxDigits: 2)
        else { throw invalid }

        var hour = 0, minute = 0, second = 0
        var offset: Int?
        if scanner.take(oneOf: [UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: " ")]) != nil {
            scanner.skipSpaces()
            guard let h = scanner.number(minDigits: 1, maxDigits: 2),
                scanner.take(oneOf: [UInt8(ascii: ":")]) != nil,
                let m = scanner.number(minDigits: 2, maxDigits: 2)
            else { throw invalid }
            hour = h
            minute = m
            if scanner.take(oneOf: [UInt8(ascii: ":")]) != nil {
                guard let s = scanner.number(minDigits: 2, maxDigits: 2) else { throw invalid }
                second = s
                if scanner.take(oneOf: [UInt8(ascii: "."), UInt8(ascii: ",")]) != nil {
                    // Fractions of a second do not change the day or the order that matters here.
                    guard scanner.number(minDigits: 1, maxDigits: 9) != nil else { throw invalid }
                }
            }
            scanner.skipSpaces()
            if scanner.take(oneOf: [UInt8(ascii: "Z"), UInt8(ascii: "z")]) != nil {
                offset = 0
            } else if let sign = scanner.take(oneOf: [UInt8(ascii: "+"), UInt8(ascii: "-")]) {
                guard let oh = scanner.number(minDigits: 2, maxDigits: 2) else { throw invalid }
                _ = scanner.take(oneOf: [UInt8(ascii: ":")])
                let om = scanner.number(minDigits: 2, maxDigits: 2) ?? 0
                guard oh <= 18, om < 60 else {
                    throw Failure(reason: "'\(text)' has an impossible UTC offset")
                }
                offset = (oh * 3600 + om * 60) * (sign == UInt8(ascii: "-") ? -1 : 1)
            }
        }
        guard scanner.atEnd else { throw invalid }

        let civil = CivilDate(year: year, month: month, day: day)
        guard civil.isValid else {
            throw Failure(
                reason:
                    "'\(text)' is not a real day (\(CivilDate.monthNames[safe: month] ?? "month \(month)") has \((1...12).contains(month) ? CivilDate.daysIn(month: month, year: year) : 0) days)"
            )
        }
        guard hour < 24, minute < 60, second < 60 else {
            throw Failure(reason: "'\(text)' has an impossible time of day")
        }
        let wall = civil.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second
        let instant: Int
        if let offset {
            instant = wall - offset
        } else {
            instant = wall - zoneOffset(atWallClock: wall, in: zone)
        }
        return ArticleDate(instant: instant, in: zone)
    }

    /// The zone's UTC offset for a local wall-clock time (two passes handle DST changes).
    static func zoneOffset(atWallClock wall: Int, in zone: TimeZone) -> Int {
        let first = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(wall)))
        let second = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(wall - first)))
        return second
    }

    struct Scanner {
        let bytes: [UInt8]
        var index = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var atEnd: Bool { index == bytes.count }

        mutating func number(minDigits: Int, maxDigits: Int) -> Int? {
            var value = 0
            var count = 0
            while index < bytes.count, count < maxDigits, (48...57).contains(bytes[index]) {
                value = value * 10 + Int(bytes[index] - 48)
                index += 1
                count += 1
            }
            return count >= minDigits ? value : nil
        }

        mutating func take(oneOf options: [UInt8]) -> UInt8? {
            guard index < bytes.count, options.contains(bytes[index]) else { return nil }
            index += 1
            return bytes[index - 1]
        }

        mutating func skipSpaces() {
            while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
        }
    }
}

extension CivilDate {
    /// English month names, 1-based (index 0 is empty), for messages about dates in front
    /// matter; pages write dates in the site's language (`Localization`).
    public static let monthNames = [
        "", "January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December",
    ]
}

extension Array {
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
