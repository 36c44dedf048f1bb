import Foundation
import Testing

@testable import DigestKit

@Suite struct ArticleDateParserTests {
    @Test func offsetDateKeepsLocalDay() throws {
        // 00:30 in Beijing is 16:30 the day before in UTC; the site groups it under the 14th.
        let date = try ArticleDateParser.parse("2019-02-14T00:30:00+08:00", in: shanghai())
        #expect(date.day == CivilDate(year: 2019, month: 2, day: 14))
        #expect(date.clock == "00:30")
        #expect(date.instant == 1_550_075_400)
        #expect(date.iso8601 == "2019-02-14T00:30:00+08:00")
    }

    @Test func offsetIsConvertedToSiteZone() throws {
        let date = try ArticleDateParser.parse("2019-02-13T20:00:00Z", in: shanghai())
        #expect(date.day == CivilDate(year: 2019, month: 2, day: 14))
        #expect(date.clock == "04:00")
    }

    @Test func dateWithoutOffsetIsReadInSiteZone() throws {
        let date = try ArticleDateParser.parse("2019-02-13 09:15", in: shanghai())
        #expect(date.instant == 1_550_020_500)
        #expect(date.day == CivilDate(year: 2019, month: 2, day: 13))
    }

    @Test func wireStyleDate() throws {
        let date = try ArticleDateParser.parse("2019/2/13 9:15:25", in: shanghai())
        #expect(date.iso8601 == "2019-02-13T09:15:25+08:00")
    }

    @Test func bareDayIsLocalMidnight() throws {
        let date = try ArticleDateParser.parse("2019-02-13", in: shanghai())
        #expect(date.day == CivilDate(year: 2019, month: 2, day: 13))
        #expect(date.secondsIntoDay == 0)
    }

    @Test(arguments: ["2019/2/30 25:61:00", "2019-02-30", "2019-13-01", "2019-02-13 24:00", "2019-02-13T10:61", "2019-02-13T10:00+25:00"])
    func impossibleDatesAreErrorsNotRolledOver(_ text: String) {
        #expect(throws: ArticleDateParser.Failure.self) { try ArticleDateParser.parse(text, in: shanghai()) }
    }

    @Test(arguments: ["yesterday", "13/02/2019", "2019-02", "", "2019-02-13T09:15:25+08:00 extra"])
    func nonDatesAreErrors(_ text: String) {
        #expect(throws: ArticleDateParser.Failure.self) { try ArticleDateParser.parse(text, in: shanghai()) }
    }

    @Test func leapDayIsAccepted() throws {
        #expect(try ArticleDateParser.parse("2020-02-29", in: shanghai()).day.day == 29)
        #expect(throws: ArticleDateParser.Failure.self) { try ArticleDateParser.parse("2019-02-29", in: shanghai()) }
    }

    @Test func daylightSavingZoneUsesTheOffsetInForceThatDay() throws {
        let newYork = TimeZone(identifier: "America/New_York")!
        let winter = try ArticleDateParser.parse("2019-01-15 12:00", in: newYork)
        let summer = try ArticleDateParser.parse("2019-07-15 12:00", in: newYork)
        #expect(winter.utcOffset == -5 * 3600)
        #expect(summer.utcOffset == -4 * 3600)
        #expect(summer.iso8601 == "2019-07-15T12:00:00-04:00")
    }
}

@Suite struct CivilDateTests {
    @Test func roundTripsThroughDayNumbers() {
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(CivilDate(daysSinceEpoch: days).daysSinceEpoch == days)
        }
        #expect(CivilDate(year: 1970, month: 1, day: 1).daysSinceEpoch == 0)
        #expect(CivilDate(year: 2019, month: 2, day: 13).weekday == 3)
    }

    @Test(arguments: [
        (CivilDate(year: 2019, month: 2, day: 13), ISOWeek(year: 2019, week: 7)),
        (CivilDate(year: 2019, month: 12, day: 30), ISOWeek(year: 2020, week: 1)),
        (CivilDate(year: 2021, month: 1, day: 3), ISOWeek(year: 2020, week: 53)),
        (CivilDate(year: 2016, month: 1, day: 1), ISOWeek(year: 2015, week: 53)),
        (CivilDate(year: 2018, month: 12, day: 31), ISOWeek(year: 2019, week: 1)),
        (CivilDate(year: 2026, month: 11, day: 25), ISOWeek(year: 2026, week: 48)),
    ])
    func isoWeeksAtYearEnds(_ day: CivilDate, _ week: ISOWeek) {
        #expect(day.isoWeek == week)
        #expect(week.monday.weekday == 1)
        #expect(week.monday <= day && day <= week.sunday)
    }

    @Test func weekIdentifiers() {
        #expect(ISOWeek(year: 2019, week: 7).id == "2019-W07")
        #expect(ISOWeek(year: 2019, week: 7).monday == CivilDate(year: 2019, month: 2, day: 11))
        #expect(CivilDate(year: 2019, month: 2, day: 3).id == "2019-02-03")
    }
}
