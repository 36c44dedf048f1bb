import Foundation

extension Theme {
    /// The strings files `i18n/<language>.yml`: each built-in one with the site's file of the
    /// same language over it, key by key, so a site's file needs only the strings it changes.
    /// A file that cannot be read is an error naming it.
    public func localizations() -> (localizations: Localizations, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        func read(_ path: String, _ source: Source) -> StringsFile? {
            let text: String
            switch source {
            case let .builtIn(data): text = String(decoding: data, as: UTF8.self)
            case let .site(url):
                guard let data = FileManager.default.contents(atPath: url.path) else {
                    diagnostics.append(Diagnostic(file: "Templates/\(path)", message: "cannot read the strings file"))
                    return nil
                }
                text = String(decoding: data, as: UTF8.self)
            }
            switch StringsFile.parse(text, file: "Templates/\(path)") {
            case let .success(file): return file
            case let .failure(diagnostic):
                diagnostics.append(diagnostic)
                return nil
            }
        }
        var builtIn: [String: StringsFile] = [:]
        for (path, data) in BuiltInTheme.files {
            guard let language = Self.stringsLanguage(path) else { continue }
            builtIn[language] = read(path, .builtIn(data))
        }
        var files = builtIn
        for (path, source) in self.files {
            guard case .site = source, let language = Self.stringsLanguage(path), let file = read(path, source) else { continue }
            files[language] = (builtIn[language] ?? StringsFile()).overlaid(by: file)
        }
        return (Localizations(files: files, builtInEnglish: builtIn["en"] ?? StringsFile()), diagnostics)
    }

    /// `zh` for `i18n/zh.yml`.
    static func stringsLanguage(_ path: String) -> String? {
        guard path.hasPrefix("i18n/"), path.hasSuffix(".yml") else { return nil }
        let name = path.dropFirst("i18n/".count).dropLast(".yml".count)
        return name.isEmpty || name.contains("/") ? nil : String(name)
    }
}
