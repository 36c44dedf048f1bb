import Testing

@testable import DigestKit

@Suite struct NewsletterSettingsTests {
    @Test func defaultsKeepUnderGmailsClipping() {
        let (config, diagnostics) = SiteConfig.parse("title: Desk\n")
        #expect(diagnostics.isEmpty)
        #expect(config.newsletter.maxBytes == 100_000)
        #expect(config.newsletter.leadArticles == nil)
        #expect(config.newsletter.footer == nil)
    }

    @Test func everyFieldIsRead() {
        let (config, diagnostics) = SiteConfig.parse(
            """
            title: Desk
            newsletter:
              max_bytes: 80000
              lead_articles: 5
              footer: "Unsubscribe: *|UNSUB|*"
            """)
        #expect(diagnostics.isEmpty)
        #expect(config.newsletter.maxBytes == 80_000)
        #expect(config.newsletter.leadArticles == 5)
        #expect(config.newsletter.footer == "Unsubscribe: *|UNSUB|*")
    }

    @Test(arguments: [
        ("newsletter:\n  max_bytes: 500\n", 2, "the field 'max_bytes' must be a whole number of at least 10000"),
        ("newsletter:\n  lead_articles: 0\n", 2, "the field 'lead_articles' must be a whole number of at least 1"),
        ("newsletter:\n  max_bytes: lots\n", 2, "the field 'max_bytes' must be a whole number"),
        ("newsletter:\n  footer: [a, b]\n", 2, "the field 'footer' must be text"),
        ("newsletter: 100000\n", 1, "the field 'newsletter' must be a set of fields such as 'max_bytes: 100000'"),
    ])
    func badValuesAreErrorsAtTheirLine(yaml: String, line: Int, message: String) {
        let (_, diagnostics) = SiteConfig.parse("title: Desk\n" + yaml)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.severity == .error)
        #expect(diagnostics.first?.file == "site.yml")
        #expect(diagnostics.first?.line == line + 1)
        #expect(diagnostics.first?.message == message)
    }

    @Test func unknownKeyIsAWarningAtItsLine() {
        let (config, diagnostics) = SiteConfig.parse("title: Desk\nnewsletter:\n  max_bytes: 50000\n  max_byte: 1\n")
        #expect(config.newsletter.maxBytes == 50_000)
        #expect(diagnostics.map(\.severity) == [.warning])
        #expect(diagnostics.first?.line == 4)
        #expect(diagnostics.first?.message == "unknown newsletter field 'max_byte' is ignored")
    }

    @Test func everySettingChangesTheFingerprint() {
        var config = SiteConfig()
        var seen: Set<UInt64> = [config.fingerprint]
        config.newsletter.maxBytes = 50_000
        seen.insert(config.fingerprint)
        config.newsletter.leadArticles = 3
        seen.insert(config.fingerprint)
        config.newsletter.footer = "*|UNSUB|*"
        seen.insert(config.fingerprint)
        #expect(seen.count == 4)
    }
}
