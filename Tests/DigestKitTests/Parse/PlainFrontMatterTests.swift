import Foundation
import PropertyBased
import Testing
import Yams

@testable import DigestKit

/// `PlainFrontMatter` stands in for Yams on the front matter it accepts, so on that front matter
/// it must read what Yams reads: the same keys, lines, texts, styles and tags.
@Suite struct PlainFrontMatterTests {
    /// What Yams makes of `yaml` and what the plain reader makes of it, when the plain reader
    /// takes it: nil when it leaves it to Yams.
    static func bothReadings(_ yaml: String) -> (plain: String, yams: String)? {
        guard let plain = PlainFrontMatter.read(yaml, firstLine: 3, resolver: YAMLFields.articleResolver) else { return nil }
        let yams: String
        switch YAMLFields.parse(yaml, file: "a.md", firstLine: 3, resolver: YAMLFields.articleResolver) {
        case let .success(fields): yams = describe(fields.entries, mappingLine: fields.mappingLine)
        case let .failure(diagnostic): yams = "error: \(diagnostic.message)"
        }
        return (describe(plain.entries, mappingLine: plain.mappingLine), yams)
    }

    static func describe(_ entries: [YAMLFields.Entry], mappingLine: Int) -> String {
        let fields = YAMLFields(file: "a.md", firstLine: 3, entries: entries, mappingLine: mappingLine)
        return "mapping at \(mappingLine)\n"
            + entries.map { entry in
                // `bool` reads the style too: a quoted "true" is text.
                let bool = (try? fields.bool(entry).get()).map { "\($0)" } ?? "-"
                return "\(entry.key) at \(entry.line):\(entry.column) bool \(bool) = \(describe(entry.value))"
            }.joined(separator: "\n")
    }

    static func describe(_ node: Node) -> String {
        switch node {
        case let .scalar(scalar): "\(scalar.string.debugDescription) \(scalar.style) \(scalar.tag)"
        case let .sequence(sequence): "[\(sequence.map(describe).joined(separator: ", "))] \(sequence.style) \(sequence.tag)"
        case .mapping: "mapping"
        case .alias: "alias"
        }
    }

    @Test func generatedFrontMatterReadsAsYamsReadsIt() async {
        await propertyCheck(count: 4000, input: Gen<UInt64>.value(in: 0...UInt64.max)) { seed in
            var generator = RandomFrontMatter(random: SeededRandom(seed: seed))
            let yaml = generator.frontMatter()
            if let (plain, yams) = Self.bothReadings(yaml) {
                #expect(plain == yams, "seed \(seed):\n\(yaml)")
            }
        }
    }

    /// The generator is worth its time only if both readers get much of its front matter.
    @Test func generatedFrontMatterReachesBothReaders() {
        var plain = 0
        let count = 2000
        for seed in 0..<UInt64(count) {
            var generator = RandomFrontMatter(random: SeededRandom(seed: seed))
            if Self.bothReadings(generator.frontMatter()) != nil { plain += 1 }
        }
        #expect(plain > count / 4 && plain < count * 3 / 4, "\(plain) of \(count) read by the plain reader")
    }

    /// Every article of the sample site and the benchmark corpus's shape: the plain reader takes
    /// them (the build's speed depends on it) and reads them as Yams does.
    @Test func articlesInTheHouseStyleAreReadWithoutYams() throws {
        let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../Content").standardizedFileURL
        var articles: [String: String] = [:]
        for case let url as URL in FileManager.default.enumerator(at: content, includingPropertiesForKeys: nil)! where url.pathExtension == "md" {
            let document = try FrontMatterSplitter.split(SourceFile(path: url.lastPathComponent, bytes: Data(contentsOf: url))).get()
            articles[url.lastPathComponent] = document.frontMatter
        }
        articles["bench"] = """
            title: "Energy: in of uncertain regular that week (10000)"
            date: "2023-12-31T20:30:33+08:00"
            section: DIPLOMACY
            source: "Reuters"
            speakers:
              - "Wang Chunying"
            tags:
              - "banking exports"
              - "Arctic"
            summary: "Annex in over at in the its remains at exercise report goods ministry."

            """
        // Quotes (a nested mapping) and comments are Yams' by design.
        let plainShaped = articles.filter { !$0.value.contains("quotes:") && !$0.value.contains("#") }
        #expect(plainShaped.count > 10, "\(plainShaped.count) of \(articles.count) articles without quotes: or comments")
        for (name, yaml) in plainShaped.sorted(by: { $0.key < $1.key }) {
            let readings = try #require(Self.bothReadings(yaml), "\(name) went to Yams:\n\(yaml)")
            #expect(readings.plain == readings.yams, "\(name)")
        }
    }

    @Test(arguments: [
        "title: a: b\n", "title: a #note\n", "# comment\ntitle: a\n", "title: a\n  continued\n", "title: \"a\\nb\"\n",
        "title: 'it''s'\n", "tags: [a, b]\n", "title: a\ntitle: b\n", "title:\n", "title: >+\n  a\n", "title: &x a\n",
        "title:\ta\n", "title: a\r\n", "title: a\u{2028}b\n", "quotes:\n  - speaker: A\n    text: b\n", "title: |2\n   a\n",
        "summary: >-\n  a\n\n  b\n", "tags:\n  - a\n   - b\n", "",
    ])
    func frontMatterOutsideThePlainShapeGoesToYams(_ yaml: String) {
        #expect(PlainFrontMatter.read(yaml, firstLine: 1, resolver: YAMLFields.articleResolver) == nil, "\(yaml.debugDescription)")
    }
}

/// Front matter built from the pieces YAML gives meaning to, in and out of the plain shape.
struct RandomFrontMatter {
    var random: SeededRandom

    static let keys = ["title", "date", "section", "tags", "summary", "draft", "x-y", "a_b", "Key2", "9x", "-k", "ключ", "title"]
    static let pieces = [
        "a", "b", "Zürich", " ", "  ", ":", ": ", "#", " #", "\"", "'", "''", "\\", "-", "- ", "?", "[", "]", "{", "}", ",", "&",
        "*", "!", "|", ">", "%", "@", "`", "中", "墨子号", "😀", "\u{A0}", "\u{85}", "\u{2028}", "\u{FEFF}", "\t", "\r", "x:y",
        "https://a.b/c", "...", "---", "true", "null", "~", "12", "2019-02-13", "yes",
    ]

    mutating func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
    mutating func chance(_ percent: UInt64) -> Bool { random.next() % 100 < percent }

    mutating func text() -> String {
        var text = chance(50) ? pick(["a", "b", "Zürich", "中", "true", "x"]) : ""
        for _ in 0..<(random.next() % 4) { text += chance(92) ? pick(["a", "b", " ", "c d", "é", "中"]) : pick(Self.pieces) }
        return text
    }

    mutating func value() -> String {
        switch random.next() % 4 {
        case 0: "\"\(text())\""
        case 1: "'\(text())'"
        default: text()
        }
    }

    mutating func frontMatter() -> String {
        var lines: [String] = []
        for number in 0..<(1 + random.next() % 5) {
            let key = chance(95) ? Self.keys[Int(number)] : pick(Self.keys)
            let separator = chance(92) ? ": " : pick([":", ":  ", " : ", ":\t"])
            switch random.next() % 10 {
            case 0..<5:
                lines.append(key + separator + value())
            case 5..<7:
                lines.append(key + ":" + (chance(80) ? "" : pick([" ", "  # note"])))
                let indentation = String(repeating: " ", count: Int(random.next() % 4))
                for _ in 0..<(random.next() % (chance(90) ? 3 : 1) + (chance(90) ? 1 : 0)) {
                    let indent = chance(90) ? indentation : pick(["", " ", "   "])
                    lines.append(indent + (chance(90) ? "- " : pick(["-", "-  ", "- - "])) + value())
                }
            case 7..<9:
                lines.append(key + separator + (chance(80) ? pick([">-", ">", "|", "|-"]) : pick([">+", "|2", "> # x", ">-  "])))
                let indentation = String(repeating: " ", count: 1 + Int(random.next() % 3))
                for _ in 0..<(random.next() % (chance(90) ? 3 : 1) + (chance(90) ? 1 : 0)) {
                    lines.append((chance(90) ? indentation : pick(["", "    "])) + (chance(90) ? text() : ""))
                }
            default:
                lines.append(pick(["", "   ", "# comment", "  continued", "---", "..."]))
            }
        }
        return lines.joined(separator: "\n") + (chance(85) ? "\n" : "")
    }
}
