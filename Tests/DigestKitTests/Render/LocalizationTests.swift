import Testing

@testable import DigestKit

@Suite struct LocalizationTests {
    let english = Localizations.builtIn.localization("en")
    let chinese = Localizations.builtIn.localization("zh")
    let wednesday = CivilDate(year: 2019, month: 2, day: 13)

    @Test func englishDatesAndWeeksReadAsBefore() {
        #expect(english.longDate(wednesday) == "Wednesday 13 February 2019")
        #expect(english.mediumDate(wednesday) == "13 February 2019")
        #expect(english.weekTitle(ISOWeek(year: 2019, week: 7)) == "Week 7, 2019")
        #expect(english.weekRange(CivilDate(year: 2019, month: 2, day: 11), CivilDate(year: 2019, month: 2, day: 17)) == "11–17 February 2019")
        #expect(english.weekRange(CivilDate(year: 2019, month: 2, day: 25), CivilDate(year: 2019, month: 3, day: 3)) == "25 February – 3 March 2019")
        #expect(
            english.weekRange(CivilDate(year: 2019, month: 12, day: 30), CivilDate(year: 2020, month: 1, day: 5))
                == "30 December 2019 – 5 January 2020")
    }

    @Test func chineseDatesAndWeeks() {
        #expect(chinese.longDate(wednesday) == "2019年2月13日 星期三")
        #expect(chinese.mediumDate(wednesday) == "2019年2月13日")
        let week = ISOWeek(year: 2019, week: 7)
        #expect("\(chinese.weekTitle(week)) · \(chinese.weekRange(week.monday, week.sunday))" == "第7周 · 2019年2月11日至17日")
        #expect(chinese.weekRange(CivilDate(year: 2019, month: 2, day: 25), CivilDate(year: 2019, month: 3, day: 3)) == "2019年2月25日至3月3日")
        #expect(
            chinese.weekRange(CivilDate(year: 2019, month: 12, day: 30), CivilDate(year: 2020, month: 1, day: 5))
                == "2019年12月30日至2020年1月5日")
    }

    @Test func countsTakeTheLanguagesPluralForm() {
        #expect(english.count("article_count", 1) == "1 article")
        #expect(english.count("article_count", 2) == "2 articles")
        #expect(english.count("article_count", 0) == "0 articles")
        #expect(english.count("more_in", 3, ["section": "Economy"]) == "3 more in Economy")
        #expect(chinese.count("article_count", 1) == "1 篇文章")
        #expect(chinese.count("article_count", 7) == "7 篇文章")
        #expect(english.text("page_of", ["current": "2", "total": "5"]) == "Page 2 of 5")
    }

    @Test func theBuiltInChineseHasEveryEnglishString() {
        #expect(Theme.builtIn.localizations().diagnostics.isEmpty)
        #expect(Set(Localizations.builtIn.files.keys) == ["en", "zh"])
        #expect(Localizations.builtIn.warnings(for: ["en", "zh", "zh-Hans"]).isEmpty)
        #expect(chinese.text("archive") == "归档")
        #expect(chinese.templateStrings.values["skip_to_content"] as? String == "跳到正文")
    }

    @Test func aMissingStringFallsBackToEnglishWithAWarningNamingTheKey() throws {
        let partial = try StringsFile.parse(
            "archive: Архив\narticle_count:\n  one: \"{count} статья\"\n  few: \"{count} статьи\"\n  many: \"{count} статей\"\n  other: \"{count} статьи\"\n",
            file: "Templates/i18n/ru.yml"
        ).get()
        let english = Localizations.builtIn.files["en"]!
        let strings = Localizations(files: ["en": english, "ru": partial], builtInEnglish: english)
        let russian = strings.localization("ru")
        #expect(russian.text("archive") == "Архив")
        #expect(russian.text("tags") == "Tags")
        #expect(
            [1, 3, 5, 21, 22, 25].map { russian.count("article_count", $0) }
                == ["1 статья", "3 статьи", "5 статей", "21 статья", "22 статьи", "25 статей"])
        let warnings = strings.warnings(for: ["ru"])
        #expect(warnings.contains { $0.message == "no string 'tags' for 'ru': English used" && $0.file == "Templates/i18n/ru.yml" })
        #expect(!warnings.contains { $0.message.contains("'archive'") })
        #expect(warnings.allSatisfy { $0.severity == .warning })
    }

    @Test func aLanguageWithoutStringsIsWrittenInEnglishAndSaysSo() {
        let french = Localizations.builtIn.localization("fr")
        #expect(french.language == "fr")
        #expect(french.text("archive") == "Archive")
        #expect(Localizations.builtIn.warnings(for: ["fr"]).map(\.message) == ["no strings for the language 'fr': the theme's words are in English"])
    }

    @Test func rightToLeftLanguages() {
        #expect(Localization.direction(of: "ar") == "rtl")
        #expect(Localization.direction(of: "he-IL") == "rtl")
        #expect(Localization.direction(of: "fa") == "rtl")
        #expect(Localization.direction(of: "en") == "ltr")
        #expect(Localization.direction(of: "zh") == "ltr")
    }

    @Test func aStringOfAnotherKindThanEnglishsIsReplacedWithAWarning() throws {
        let site = try StringsFile.parse("article_count: Articles\ndates:\n  months: [Jan, Feb]\n", file: "Templates/i18n/en.yml").get()
        let builtIn = Localizations.builtIn.files["en"]!
        let strings = Localizations(files: ["en": builtIn.overlaid(by: site)], builtInEnglish: builtIn)
        #expect(strings.localization("en").count("article_count", 1) == "1 article")
        #expect(strings.localization("en").longDate(wednesday) == "Wednesday 13 February 2019")
        #expect(
            strings.warnings(for: ["en"]).map(\.message).sorted() == [
                "the string 'article_count' must be texts by plural category (one, other…): English used",
                "the string 'dates.months' needs 12 entries: English used",
            ])
    }

    @Test func aValueThatIsNoStringIsAnErrorWithItsLine() {
        guard case let .failure(failure) = StringsFile.parse("archive: Archive\ntags:\n  - [a]\n", file: "Templates/i18n/en.yml") else {
            Issue.record("a list of lists was read as strings")
            return
        }
        #expect(failure.file == "Templates/i18n/en.yml")
        #expect(failure.line == 2)
    }
}
