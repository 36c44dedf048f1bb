extension Localization {
    /// `Wednesday 13 February 2019`, `2019年2月13日 星期三`.
    public func longDate(_ date: CivilDate) -> String {
        fill("dates.long", date)
    }

    /// `13 February 2019`, `2019年2月13日`.
    public func mediumDate(_ date: CivilDate) -> String {
        fill("dates.medium", date)
    }

    /// `Week 7, 2019`, `第7周`.
    public func weekTitle(_ week: ISOWeek) -> String {
        fill(week: week, "weeks.title") ?? "\(week.week)"
    }

    /// A week in the search page's list of weeks, where weeks of many years stand together:
    /// `Week 7, 2019`, `2019年第7周`.
    public func weekFilterLabel(_ week: ISOWeek) -> String {
        fill(week: week, "weeks.filter") ?? "\(week.year)-W\(week.week)"
    }

    private func fill(week: ISOWeek, _ key: String) -> String? {
        patterns[key]?.filled { name in
            switch name {
            case "week": String(week.week)
            case "year": String(week.year)
            default: nil
            }
        }
    }

    /// A week's days: `11–17 February 2019`, `25 February – 3 March 2019`,
    /// `30 December 2019 – 5 January 2020`; `2019年2月11日至17日`.
    public func weekRange(_ start: CivilDate, _ end: CivilDate) -> String {
        let key =
            start.year != end.year
            ? "weeks.range_across_years"
            : start.month != end.month ? "weeks.range_in_year" : "weeks.range_in_month"
        return patterns[key]?.filled { name in
            switch name {
            case "start": mediumDate(start)
            case "end": mediumDate(end)
            case "start_day": String(start.day)
            case "end_day": String(end.day)
            case "month", "start_month": monthName(start.month)
            case "end_month": monthName(end.month)
            case "month_number", "start_month_number": String(start.month)
            case "end_month_number": String(end.month)
            case "year": String(end.year)
            default: nil
            }
        } ?? "\(mediumDate(start)) – \(mediumDate(end))"
    }

    private func fill(_ key: String, _ date: CivilDate) -> String {
        patterns[key]?.filled { name in
            switch name {
            case "weekday": weekdays[safe: date.weekday - 1] ?? ""
            case "day": String(date.day)
            case "month": monthName(date.month)
            case "month_number": String(date.month)
            case "year": String(date.year)
            default: nil
            }
        } ?? date.id
    }

    private func monthName(_ month: Int) -> String {
        months[safe: month - 1] ?? String(month)
    }
}
