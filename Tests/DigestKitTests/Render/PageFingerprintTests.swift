import Foundation
import Testing

@testable import DigestKit

@Suite struct PageFingerprintTests {
    /// Every page of the sample site, of every kind, with pagination and (with a base URL) the
    /// share-preview values: a view model that puts in a value of a new type fails here until
    /// `PageFingerprint` has an encoding for it. (Inside a `SharedContext`, whose fingerprint is
    /// made with it, such a value stops the run at once, naming its type and where it is.)
    @Test(arguments: [nil, "https://digest.example/"])
    func everyValueOfEverySamplePageHasAnEncoding(baseURL: String?) throws {
        var config = SiteConfig.load(from: repositoryRoot).config
        config.baseURL = baseURL
        config.paginate = 2
        let templates = try TemplateSet.compile(try Theme.builtIn.templateSources()).get()
        var pipeline = Pipeline(config: config, templates: templates)
        pipeline.now = Date(timeIntervalSince1970: 1_800_000_000)
        let site = try pipeline.index(ContentLoader(siteDirectory: repositoryRoot).load()).site
        let renderer = SiteRenderer(site: site, templates: templates)
        var kinds = Set<String>()
        var paginated = false
        for job in site.pageJobs() {
            let context = renderer.prepare(job).context
            kinds.insert(String(describing: job.kind).prefix { $0 != "(" }.description)
            paginated = paginated || context["pagination"] != nil
            do {
                try PageFingerprint.check(context)
            } catch {
                Issue.record("\(job.file): \(error)")
            }
        }
        #expect(kinds.count == 13, "every kind of page: \(kinds.sorted())")
        #expect(paginated)
    }

    @Test func aValueOfAnotherTypeIsReportedWithWhereItIs() {
        #expect {
            try PageFingerprint.check(["title": "A", "share": ["tags": ["a", 1.5] as [Any]] as [String: Any]])
        } throws: { error in
            "\(error)" == "no encoding for Swift.Double at share.tags[1]"
        }
        #expect {
            try PageFingerprint.check(["summary": Optional("text") as Any])
        } throws: { error in
            "\(error)" == "no encoding for Swift.Optional<Swift.String> at summary"
        }
    }

    /// Values that print alike, or whose parts run together, differ; the same values in
    /// containers of another Swift type do not.
    @Test func contextsDifferExactlyWhenTheirValuesDo() {
        func print(_ context: [String: Any]) -> UInt64 { PageFingerprint.of(context, seed: 0) }
        let distinct: [[String: Any]] = [
            ["a": "1"], ["a": 1], ["a": true], ["a": ["1"]], ["a": ["1": "1"]], ["a": [] as [String]],
            ["a": [:] as [String: String]], ["a": ""], ["ab": "c"], ["a": "bc"], ["a": "b", "c": ""],
            ["a": LazyHTML(fingerprint: 1) { "" }], ["a": SharedContext([:], fingerprint: 1)],
            ["a": ListItem(item: SharedContext([:]), html: nil, fingerprint: 1)], [:],
        ]
        let prints = distinct.map(print)
        #expect(Set(prints).count == distinct.count)
        #expect(print(["a": ["x": "y"] as [String: String]]) == print(["a": ["x": "y"] as [String: Any]]))
        #expect(print(["a": ["x", "y"]]) == print(["a": ["x", "y"] as [Any]]))
        #expect(PageFingerprint.of(["a": 1], seed: 1) != PageFingerprint.of(["a": 1], seed: 2))
    }
}
