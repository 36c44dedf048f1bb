import Foundation

/// Reading `site.yml` from the site folder: the only disk access of the settings, kept in Load
/// so that `SiteConfig.parse` stays a function of the text.
extension SiteConfig {
    /// Reads `site.yml` in `directory`; a missing file means all defaults.
    public static func load(from directory: URL) -> (config: SiteConfig, diagnostics: [Diagnostic]) {
        let url = directory.appendingPathComponent("site.yml")
        guard let data = FileManager.default.contents(atPath: url.path) else { return (SiteConfig(), []) }
        guard let text = String(data: data, encoding: .utf8) else {
            return (SiteConfig(), [Diagnostic(file: "site.yml", line: 1, column: 1, message: "site.yml is not valid UTF-8 text", hint: "re-save it as UTF-8")])
        }
        return parse(text)
    }
}
