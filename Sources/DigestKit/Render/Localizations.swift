import Synchronization

/// The theme's strings files, by language (`en`, `zh`), and each language's `Localization`,
/// resolved when first asked for and kept for the build.
public final class Localizations: Sendable {
    /// Every strings file, by language: the built-in one with the site's over it.
    let files: [String: StringsFile]
    /// The built-in English, which the site's English falls back to.
    let builtInEnglish: StringsFile
    /// Stands for every string: part of every page's fingerprint, with the templates.
    public let fingerprint: UInt64
    private let resolved = Mutex<[String: (Localization, [Diagnostic])]>([:])

    public init(files: [String: StringsFile], builtInEnglish: StringsFile) {
        self.files = files
        self.builtInEnglish = builtInEnglish
        var hasher = StableHasher()
        for (language, file) in files.sorted(by: { $0.key < $1.key }) {
            hasher.combine(language)
            file.combine(into: &hasher)
        }
        fingerprint = hasher.finalize()
    }

    /// The built-in strings alone.
    public static let builtIn: Localizations = Theme.builtIn.localizations().localizations

    /// The words for pages in `language`: its strings file (`zh-Hant`'s, else `zh`'s), or
    /// English's when there is none.
    public func localization(_ language: String) -> Localization {
        resolve(language).0
    }

    /// A language's name in itself (`中文`) for links to it, from its strings file; the tag
    /// itself when it has none.
    public func languageName(_ language: String) -> String {
        guard let file = files[language] ?? files[Localization.baseLanguage(language)],
            case let .text(name) = file.values["language_name"]
        else { return language }
        return name
    }

    /// What is missing from the strings of each of `languages`, or why a language is in English.
    public func warnings(for languages: some Sequence<String>) -> [Diagnostic] {
        var seen: Set<String> = []
        return languages.filter { seen.insert($0).inserted }.sorted().flatMap { resolve($0).1 }
    }

    private func resolve(_ language: String) -> (Localization, [Diagnostic]) {
        if let known = resolved.withLock({ $0[language] }) { return known }
        let english = files["en"] ?? builtInEnglish
        let made: (Localization, [Diagnostic])
        if let wordsLanguage = [language, Localization.baseLanguage(language)].first(where: { files[$0] != nil }),
            wordsLanguage != "en", let file = files[wordsLanguage]
        {
            made = Localization.resolve(
                language: language, wordsLanguage: wordsLanguage, file: file, fallback: english,
                fileName: "Templates/i18n/\(wordsLanguage).yml")
        } else {
            var (localization, warnings) = Localization.resolve(
                language: language, wordsLanguage: "en", file: english, fallback: builtInEnglish,
                fileName: "Templates/i18n/en.yml")
            if Localization.baseLanguage(language) != "en" {
                warnings.append(
                    .warning(
                        file: "Templates/i18n/\(language).yml", message: "no strings for the language '\(language)': the theme's words are in English",
                        hint: "add Templates/i18n/\(language).yml with the keys of the built-in en.yml (digest theme eject i18n/en.yml)"))
            }
            made = (localization, warnings)
        }
        resolved.withLock { $0[language] = made }
        return made
    }
}

extension StringsFile {
    func combine(into hasher: inout StableHasher) {
        hasher.combine(values.count)
        for (key, value) in values.sorted(by: { $0.key < $1.key }) {
            hasher.combine(key)
            switch value {
            case let .text(text):
                hasher.combine(1)
                hasher.combine(text)
            case let .plural(forms):
                hasher.combine(2)
                hasher.combine(forms.count)
                for category in PluralCategory.allCases { hasher.combine(forms[category] ?? "\u{0}") }
            case let .list(items):
                hasher.combine(3)
                hasher.combine(items.count)
                for item in items { hasher.combine(item) }
            }
        }
    }
}
