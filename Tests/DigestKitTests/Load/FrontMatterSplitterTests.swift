import Foundation
import Testing

@testable import DigestKit

@Suite struct FrontMatterSplitterTests {
    func split(_ text: String) -> Result<RawDocument, Diagnostic> {
        FrontMatterSplitter.split(SourceFile(path: "Content/a.md", bytes: Data(text.utf8)))
    }

    @Test func splitsYAMLAndBodyWithLineNumbers() throws {
        let document = try split("---\ntitle: A\ndate: 2019-02-13\n---\nFirst line\n").get()
        #expect(document.frontMatter == "title: A\ndate: 2019-02-13")
        #expect(document.frontMatterLine == 2)
        #expect(document.body == "First line\n")
        #expect(document.bodyLine == 5)
    }

    @Test func byteOrderMarkAndCRLFAreRemoved() throws {
        var bytes = Data([0xEF, 0xBB, 0xBF])
        bytes.append(Data("---\r\ntitle: A\r\n---\r\nBody\r\nmore\r\n".utf8))
        let document = try FrontMatterSplitter.split(SourceFile(path: "Content/a.md", bytes: bytes)).get()
        #expect(document.frontMatter == "title: A")
        #expect(document.body == "Body\nmore\n")
        #expect(!document.body.contains("\r"))
    }

    @Test func unclosedFrontMatterIsAnErrorNamingTheFile() {
        guard case let .failure(diagnostic) = split("---\ntitle: A\n\nBody\n") else {
            Issue.record("expected a failure")
            return
        }
        #expect(diagnostic.file == "Content/a.md")
        #expect(diagnostic.line == 1)
        #expect(diagnostic.message.contains("not closed"))
    }

    @Test func missingFrontMatterIsAnError() {
        guard case let .failure(diagnostic) = split("Just text\n") else {
            Issue.record("expected a failure")
            return
        }
        #expect(diagnostic.message.contains("does not start with front matter"))
    }

    @Test func invalidUTF8IsAnError() {
        let file = SourceFile(path: "Content/latin1.md", bytes: Data([0x2D, 0x2D, 0x2D, 0x0A, 0xE9, 0xFF, 0x0A]))
        guard case let .failure(diagnostic) = FrontMatterSplitter.split(file) else {
            Issue.record("expected a failure")
            return
        }
        #expect(diagnostic.file == "Content/latin1.md")
        #expect(diagnostic.message.contains("UTF-8"))
    }

    @Test func emptyFileIsAnError() {
        guard case let .failure(diagnostic) = split("  \n") else {
            Issue.record("expected a failure")
            return
        }
        #expect(diagnostic.message.contains("empty"))
    }
}

@Suite struct ContentLoaderNameTests {
    @Test func extensionsAreReadFromTheFileName() {
        #expect(ContentLoader.pathExtension("2019/02/a.MD") == "md")
        #expect(ContentLoader.pathExtension("notes.v2/readme") == "")
        #expect(ContentLoader.pathExtension("2019/.hidden") == "")
        #expect(ContentLoader.pathExtension("a.tar.gz") == "gz")
        #expect(ContentLoader.pathExtension("plain") == "")
        #expect(ContentLoader.pathExtension("文章/新闻.Markdown") == "markdown")
        #expect(ContentLoader.pathExtension("x.ÉTÉ") == "été")
    }
}
