import ArgumentParser
import DigestKit
import Foundation

extension Digest {
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start a new article in Content/.",
            discussion: """
                Writes Content/YYYY/MM/YYYY-MM-DD-<slug>.md with the front matter filled in: the \
                title, now in the site's time zone, the section, tags and speakers. An existing \
                file is never overwritten.

                Example: digest new "Ministry urges dialogue" --section DIPLOMACY --tag cybersecurity --speaker "Hua Chunying"

                A translation: digest new "外交部敦促对话" --section DIPLOMACY --language zh --translation-key mfa-2019-02-13 \
                (and the same --translation-key on the English article).
                """
        )

        @OptionGroup var siteOptions: SiteOptions

        @Argument(help: "The article's title.")
        var title: String

        @Option(name: .long, help: "Section, e.g. DIPLOMACY.")
        var section: String

        @Option(name: .customLong("tag"), help: "A tag; repeat for several.")
        var tags: [String] = []

        @Option(name: .customLong("speaker"), help: "A person quoted; repeat for several.")
        var speakers: [String] = []

        @Option(name: .long, help: "Where the article comes from, e.g. Xinhua.")
        var source: String?

        @Flag(name: .long, help: "Mark it 'draft: true' so builds leave it out until it is ready.")
        var draft = false

        @Option(name: .long, help: "The article's language, when not the site's (zh, en, zh-Hant).")
        var language: String?

        @Option(
            name: .customLong("translation-key"),
            help: ArgumentHelp("A key shared with the article's translations, which then link to each other.", valueName: "key"))
        var translationKey: String?

        func validate() throws {
            if let language, ArticleDraft.languageTag(language) == nil {
                throw ValidationError("'\(language)' is not a language: write a language tag such as 'zh', 'en' or 'zh-Hant'")
            }
            if let translationKey, translationKey.trimmingCharacters(in: .whitespaces).isEmpty {
                throw ValidationError("--translation-key needs a key, such as mfa-2019-02-13")
            }
        }

        func run() throws {
            let (config, diagnostics) = SiteConfig.load(from: siteOptions.siteDirectory)
            if diagnostics.contains(where: { $0.severity == .error }) {
                DiagnosticPrinter.print(diagnostics, quiet: false)
                throw ExitCode.failure
            }
            var article = ArticleDraft(
                title: title, section: section, tags: tags, speakers: speakers, source: source,
                date: ArticleDate(instant: Int(Date().timeIntervalSince1970), in: config.timeZone))
            article.draft = draft
            article.language = language.flatMap(ArticleDraft.languageTag)
            article.translationKey = translationKey
            article.body = "Write the article here."
            do {
                let path = try article.write(in: siteOptions.siteDirectory)
                // The path alone on standard output, so `$EDITOR "$(digest new …)"` works.
                print(path)
                let address = config.permalink.address(ofFile: path, day: article.date.day, section: section)
                if !siteOptions.quiet { FileHandle.standardError.write(Data("Its page will be /\(address.folder)\n".utf8)) }
            } catch let error as ArticleDraft.WriteError {
                throw CommandError(error.description)
            }
        }
    }
}
