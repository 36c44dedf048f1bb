import Foundation
import Testing

@testable import DigestKit

/// Templates the renderer refuses: each a `Diagnostic` naming the file, line and column, with
/// the line's text as a hint, and every other template's errors reported in the same build.
@Suite struct TemplateErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let text: String
        let message: String
        let line: Int
        let column: Int
        var testDescription: String { message }
    }

    static let cases = [
        Case(text: "one\ntwo {{#open}}\n", message: "expectedSectionEnd", line: 3, column: 1),
        Case(text: "<p>\n  {{#a}}x{{/b}}\n", message: "sectionCloseNameIncorrect", line: 2, column: 13),
        // Only the content types Digest has (HTML, TEXT) can be chosen.
        Case(text: "{{% CONTENT_TYPE: JSON}}\n", message: "unrecognisedConfigVariable", line: 1, column: 25),
        Case(text: "a\n{{% ESCAPING: off}}", message: "unrecognisedConfigVariable", line: 2, column: 20),
        Case(text: "{{=<% %>}}", message: "invalidSetDelimiter", line: 1, column: 7),
        Case(text: "{{<base}}{{title}}{{/base}}", message: "illegalTokenInsideInheritSection", line: 1, column: 28),
        Case(text: "{{$empty(x)}}{{/empty(x)}}", message: "transformAppliedToInheritanceSection", line: 1, column: 14),
        Case(text: "{{ a b }}", message: "unfinishedName", line: 1, column: 6),
        Case(text: "x\ny {{title", message: "overflow", line: 2, column: 10),
        Case(text: "{{! never closed", message: "overflow", line: 1, column: 4),
    ]

    @Test(arguments: cases)
    func refusedWithItsPlace(_ test: Case) throws {
        let failure = try #require(Self.failure(TemplateSet.compile(["day": test.text], folder: "Templates", requiring: [])))
        let diagnostic = try #require(failure.diagnostics.first)
        #expect(diagnostic.file == "Templates/day.mustache")
        #expect(diagnostic.message == "template error: \(test.message)")
        #expect(diagnostic.line == test.line && diagnostic.column == test.column, "\(diagnostic)")
        // The same error, at the same place, as swift-mustache found it.
        let reference = try #require(MustacheReference.parseError(test.text))
        #expect(reference.error == test.message && reference.line == test.line && reference.column == test.column)
    }

    @Test func everyBrokenTemplateIsReported() throws {
        let sources = ["a": "{{#x}}", "b": "fine {{x}}", "partials/c": "{{/y}}"]
        let failure = try #require(Self.failure(TemplateSet.compile(sources, requiring: [])))
        #expect(Set(failure.diagnostics.map(\.file)) == ["Templates/a.mustache", "Templates/partials/c.mustache"])
        #expect(failure.diagnostics.allSatisfy { $0.hint?.hasPrefix("near '") == true })
    }

    private static func failure(_ result: Result<TemplateSet, BuildFailure>) -> BuildFailure? {
        if case let .failure(failure) = result { return failure }
        return nil
    }
}
