import Foundation

extension ArticleFileWriter {
    /// A writer for the site in `siteDirectory`. The zone is `timeZoneName` (`--timezone`) when
    /// given, else site.yml's `timezone`; when neither sets one, UTC with a warning, since wire
    /// times are usually local to the agency and would land an hour or a day off. `language`
    /// (`--language`) is written into every article.
    public static func forSite(
        _ siteDirectory: URL, timeZoneName: String?, section: String?, language: String? = nil
    ) -> (writer: ArticleFileWriter?, diagnostics: [Diagnostic]) {
        let section = section.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        var tag: String?
        if let language {
            guard let normalized = LanguageTag.normalized(language) else {
                return (
                    nil,
                    [
                        Diagnostic(
                            file: "--language", message: "'\(language)' is not a language",
                            hint: "write a language tag such as 'zh', 'en' or 'zh-Hant'")
                    ]
                )
            }
            tag = normalized
        }
        var (config, diagnostics) = SiteConfig.load(from: siteDirectory)
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        if let timeZoneName {
            guard let zone = TimeZone(identifier: timeZoneName) else {
                return (
                    nil,
                    [
                        Diagnostic(
                            file: "--timezone", message: "unknown time zone '\(timeZoneName)'",
                            hint: "use an IANA name such as Asia/Shanghai, Europe/London or UTC")
                    ]
                )
            }
            var writer = ArticleFileWriter(timeZone: zone, section: section, permalink: config.permalink)
            writer.language = tag
            return (writer, [])
        }
        if !config.timeZoneWasSet {
            diagnostics.append(
                .warning(
                    file: "site.yml", message: "no timezone is set, so Published times are read as UTC",
                    hint: "set 'timezone: Asia/Shanghai' (or the agency's zone) in site.yml, or pass --timezone"))
        }
        var writer = ArticleFileWriter(timeZone: config.timeZone, section: section, permalink: config.permalink)
        writer.language = tag
        return (writer, diagnostics)
    }
}
