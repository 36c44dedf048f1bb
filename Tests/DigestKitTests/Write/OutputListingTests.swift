import Foundation
import Testing
@testable import DigestKit

/// The output listed from recorded folder stamps must be what walking it finds.
@Suite struct OutputListingTests {
    @Test func listsWhatAWalkFindsAfterChanges() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("digest-listing-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        func write(_ path: String) throws {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(path.utf8).write(to: url)
        }
        let built = ["index.html", "articles/a/index.html", "articles/b/index.html", "tags/trade/index.html",
                     "days/2019-02-13/index.html", "assets/style.css"]
        for path in built { try write(path) }
        let statedAt = OutputListing.now()
        let folders = OutputListing.folderStamps(of: built, in: root.path)
        #expect(Set(folders.keys) == ["", "articles", "articles/a", "articles/b", "tags", "tags/trade", "days", "days/2019-02-13", "assets"])
        func listing(recorded: [String] = built, statedAt: Int) -> Set<String> {
            OutputListing.files(in: root.path, recorded: recorded, folders: folders, statedAt: statedAt).files
        }
        // A folder whose stamp is unchanged is not read: what was recorded in it is listed (a
        // recorded file that is not there shows it). Stamped within the margin, it is read.
        let later = statedAt + 1_000_000_000
        #expect(listing(recorded: built + ["tags/trade/phantom.html"], statedAt: later).contains("tags/trade/phantom.html"))
        #expect(listing(recorded: built + ["tags/trade/phantom.html"], statedAt: statedAt) == Set(built))
        func listing() -> Set<String> { listing(statedAt: later) }
        #expect(listing() == Set(built))

        // Someone else adds files (in a folder the build made, in new folders), removes one,
        // and removes a whole folder.
        try write("articles/a/notes.txt")
        try write("extra/deep/er/file.html")
        try write("tags/new/index.html")
        try FileManager.default.removeItem(at: root.appendingPathComponent("assets/style.css"))
        try FileManager.default.removeItem(at: root.appendingPathComponent("days"))
        try write(".hidden/skipped.html")
        #expect(listing() == Set(ContentLoader.walk(root)))
        #expect(listing().contains("extra/deep/er/file.html"))
        #expect(!listing().contains("days/2019-02-13/index.html"))
    }
}
