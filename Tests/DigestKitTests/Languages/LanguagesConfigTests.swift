import Testing

@testable import DigestKit

/// `languages:` and names per language under `sections:`, `speakers:` and `tags:` in `site.yml`.
@Suite struct LanguagesConfigTests {
    @Test func languagesListTheEditionsTheDefaultFirst() {
        let (config, diagnostics) = SiteConfig.parse("languages: [en, zh]\n")
        #expect(diagnostics.isEmpty)
        #expect(config.language == "en" && config.editionLanguages == ["en", "zh"])
        let (chosen, _) = SiteConfig.parse("language: zh\nlanguages: [en, zh]\n")
        #expect(chosen.editionLanguages == ["zh", "en"])
        #expect(chosen.edition(of: nil) == 0 && chosen.edition(of: "en") == 1 && chosen.edition(of: "zh-Hans") == 0)
        #expect(config.edition(of: "zh-Hant") == 1 && config.edition(of: "fr") == 0 && config.edition(of: "ZH") == 1)
        let (single, _) = SiteConfig.parse("languages: [zh]\n")
        #expect(single.language == "zh" && single.editionLanguages == ["zh"])
    }

    @Test func sectionTitlesAndSpeakerNamesPerLanguage() {
        let yaml = """
            languages: [en, zh]
            sections:
              foreign-ministry: {en: Foreign Ministry, zh: 外交部}
              ECONOMY: Economy
            speakers:
              Hua Chunying: {zh: 华春莹}
            """
        let (config, diagnostics) = SiteConfig.parse(yaml)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(config.sections.map(\.id) == ["foreign-ministry", "ECONOMY"])
        #expect(config.sectionTitle("FOREIGN-MINISTRY") == "Foreign Ministry")
        #expect(config.sectionTitle("foreign-ministry", language: "zh") == "外交部")
        #expect(config.sectionTitle("economy", language: "zh") == "Economy")
        #expect(config.speakers == [SiteConfig.Speaker(name: "Hua Chunying", names: ["zh": "华春莹"])])
        // The list form takes titles per language too, and plain titles still work.
        let (listed, problems) = SiteConfig.parse(
            "languages: [en, zh]\nsections:\n  - id: DIPLOMACY\n    title: {en: Diplomacy, zh: 外交}\n  - id: ECONOMY\n    title: Economy\n  - DEFENCE\n")
        #expect(problems.isEmpty)
        #expect(listed.sections.map(\.title) == ["Diplomacy", "Economy", "DEFENCE"])
        #expect(listed.sectionTitle("diplomacy", language: "zh") == "外交")
    }

    @Test func tagNamesPerLanguage() {
        let (config, diagnostics) = SiteConfig.parse("languages: [en, zh]\ntags:\n  Trade war: {zh: 贸易战}\n  WTO: {zh: 世贸组织}\n")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(config.tags == [SiteConfig.Tag(name: "Trade war", names: ["zh": "贸易战"]), SiteConfig.Tag(name: "WTO", names: ["zh": "世贸组织"])])
        #expect(config.tagKeys == ["trade war": 0, "贸易战": 0, "wto": 1, "世贸组织": 1])
        #expect(config.speakers.isEmpty)
        // A site without `tags:` keeps its fingerprint; one with them has another, and which
        // list a name is under counts.
        let plain = SiteConfig.parse("languages: [en, zh]\n").config
        #expect(SiteConfig.parse("languages: [en, zh]\ntags: {}\n").config.fingerprint == plain.fingerprint)
        #expect(config.fingerprint != plain.fingerprint)
        let asSpeaker = SiteConfig.parse("languages: [en, zh]\nspeakers:\n  Trade war: {zh: 贸易战}\n  WTO: {zh: 世贸组织}\n").config
        #expect(config.fingerprint != asSpeaker.fingerprint)
    }

    /// A bad entry of `tags:` is an error at its line and column, saying what to write.
    @Test func aBadTagEntryNamesItsLineAndColumn() {
        let (_, diagnostics) = SiteConfig.parse("languages: [en, zh]\ntags:\n  WTO: {zh: 世贸组织}\n  Trade war: 贸易战\n")
        let error = diagnostics.first
        #expect(diagnostics.count == 1 && error?.severity == .error)
        #expect(error.map { "\($0.file):\($0.line ?? 0):\($0.column ?? 0)" } == "site.yml:4:3")
        #expect(error?.hint == "write the name in the default language, then the others: 'Trade war: {zh: 贸易战}'")
        let wrong = SiteConfig.parse("tags:\n  WTO:\n    zh: 世贸组织\n    chinese: 世贸\n").diagnostics
        #expect(wrong.map { [$0.line, $0.column] } == [[4, 5]], "\(wrong)")
    }

    @Test func namesInALanguageTheSiteIsNotInAreAWarningAtTheirLine() {
        let yaml = "languages: [en, zh]\nsections:\n  DIPLOMACY: {en: Diplomacy, fr: Diplomatie}\nspeakers:\n  Hua Chunying:\n    zh: 华春莹\n    ja: 華春瑩\n"
        let (config, diagnostics) = SiteConfig.parse(yaml)
        #expect(diagnostics.map(\.severity) == [.warning, .warning])
        #expect(diagnostics.map(\.line) == [3, 7])
        #expect(diagnostics.first?.message == "a name in 'fr', which is not one of the site's languages (en, zh), is never shown")
        #expect(config.sectionTitle("DIPLOMACY", language: "zh") == "Diplomacy")
        // A site in English alone gathers 华春莹 under Hua Chunying: the name is used.
        #expect(SiteConfig.parse("speakers:\n  Hua Chunying: {zh: 华春莹}\n").diagnostics.isEmpty)
        #expect(SiteConfig.parse("tags:\n  Trade war: {zh: 贸易战}\n").diagnostics.isEmpty)
        #expect(SiteConfig.parse("sections:\n  DIPLOMACY: {en: Diplomacy, zh: 外交}\n").diagnostics.map(\.line) == [2], "a title is only shown")
        #expect(SiteConfig.parse("language: zh\nspeakers:\n  Hua Chunying: {zh: 华春莹}\n").diagnostics.isEmpty)
        let tags = SiteConfig.parse("languages: [en, zh]\ntags:\n  WTO: {zh: 世贸组织, fr: OMC}\n").diagnostics
        #expect(tags.map(\.severity) == [.warning] && tags.map(\.line) == [3])
    }

    /// Two entries sharing a name file its articles under the first only: a warning at the
    /// second's line names both.
    @Test func aNameGivenToTwoEntriesIsAWarningAtTheSecond() {
        let yaml = "languages: [en, zh]\nspeakers:\n  Hua Chunying: {zh: 华春莹}\n  Geng Shuang: {zh: 华春莹}\ntags:\n  Trade: {zh: 贸易}\n  trade: {zh: 商贸}\n"
        let diagnostics = SiteConfig.parse(yaml).diagnostics
        #expect(diagnostics.map(\.severity) == [.warning, .warning], "\(diagnostics)")
        #expect(diagnostics.map { [$0.line ?? 0, $0.column ?? 0] } == [[4, 21], [7, 3]])
        #expect(diagnostics.first?.message == "'华春莹' is also a name of speaker 'Hua Chunying' (line 3): articles giving it are filed under 'Hua Chunying' only")
        #expect(diagnostics.last?.hint == "give each tag names of its own, or make the two one entry")
        // One entry may repeat its own name in another language.
        #expect(SiteConfig.parse("languages: [en, zh]\nspeakers:\n  WTO: {zh: WTO}\n").diagnostics.isEmpty)
    }

    /// Each bad `site.yml` gives one error at its line that says what to write.
    @Test(arguments: [
        ("language: fr\nlanguages: [en, zh]\n", 1, "'language: fr' is not one of 'languages:' (en, zh)"),
        ("title: Desk\nlanguages: [en, 中文]\n", 2, "'中文' in 'languages:' is not a language"),
        ("languages: [en, zh, en]\n", 1, "'en' is listed twice in 'languages:'"),
        ("languages: []\n", 1, "the field 'languages' must be a list of language tags"),
        ("sections:\n  DIPLOMACY: [Diplomacy]\n", 2, "the title of section 'DIPLOMACY' must be a name, or names by language"),
        ("sections:\n  DIPLOMACY: {english: Diplomacy}\n", 2, "'english' is not a language with a name"),
        ("speakers:\n  - Hua Chunying\n", 1, "the field 'speakers' must be speakers' names by language"),
        ("speakers:\n  Hua Chunying: 华春莹\n", 2, "speaker 'Hua Chunying' needs their names by language"),
        ("tags:\n  - Trade war\n", 1, "the field 'tags' must be tags' names by language"),
        ("tags:\n  Trade war: 贸易战\n", 2, "tag 'Trade war' needs its names by language"),
        ("tags:\n  Trade war: {chinese: 贸易战}\n", 2, "tag 'Trade war': 'chinese' is not a language with a name"),
    ])
    func badSettingsAreErrorsAtTheirLine(yaml: String, line: Int, message: String) {
        let (_, diagnostics) = SiteConfig.parse(yaml)
        #expect(diagnostics.count == 1, "\(diagnostics)")
        let diagnostic = diagnostics.first
        #expect(diagnostic?.file == "site.yml")
        #expect(diagnostic?.line == line, "\(diagnostics)")
        #expect(diagnostic?.message.contains(message) == true, "\(diagnostics)")
        #expect(diagnostic?.hint?.isEmpty == false)
    }
}

extension LanguagesConfigTests {
    /// Warnings about site.yml (an unknown key, a name in a language the site is not in) reach
    /// the build's summary, as the articles' warnings do, and the build goes on.
    @Test func settingsWarningsAreReportedByTheBuild() throws {
        let site = try TempSite(
            siteYML: "languages: [en, zh]\nsection_names: none\nsections:\n  DIPLOMACY: {en: Diplomacy, fr: Diplomatie}\n",
            articles: ["a.md": articleText(extra: "tags: [trade]\n")])
        defer { site.remove() }
        let summary = try site.build()
        #expect(summary.warnings.map(\.file) == ["site.yml", "site.yml"])
        #expect(summary.warnings.map(\.line) == [2, 4])
        #expect(summary.warnings.allSatisfy { $0.severity == .warning })
    }
}
