import Foundation
import Testing

@testable import DigestKit

/// The output listed from recorded folder stamps must be what walking it finds.
@Suite struct OutputListingTests {
    static func makeFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("digest-listing-\(UUID().uuidString)")
    }

    /// Writes a file holding its own path, making its folders.
    static func write(_ path: String, in root: URL) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(path.utf8).write(to: url)
    }

    @Test func listsWhatAWalkFindsAfterChanges() throws {
        let root = Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        func write(_ path: String) throws { try Self.write(path, in: root) }
        let built = [
            "index.html", "articles/a/index.html", "articles/b/index.html", "tags/trade/index.html",
            "days/2019-02-13/index.html", "assets/style.css",
        ]
        for path in built { try write(path) }
        let statedAtNanoseconds = OutputListing.nowNanoseconds()
        let folders = OutputListing.folderStamps(of: built, in: root.path)
        #expect(Set(folders.keys) == ["", "articles", "articles/a", "articles/b", "tags", "tags/trade", "days", "days/2019-02-13", "assets"])
        func listing(recorded: [String] = built, statedAtNanoseconds: Int) -> Set<String> {
            OutputListing.files(in: root.path, recorded: recorded, folders: folders, statedAtNanoseconds: statedAtNanoseconds).files
        }
        // A folder whose stamp is unchanged is not read: what was recorded in it is listed (a
        // recorded file that is not there shows it). Stamped within the margin, it is read.
        let later = statedAtNanoseconds + 1_000_000_000
        #expect(listing(recorded: built + ["tags/trade/phantom.html"], statedAtNanoseconds: later).contains("tags/trade/phantom.html"))
        #expect(listing(recorded: built + ["tags/trade/phantom.html"], statedAtNanoseconds: statedAtNanoseconds) == Set(built))
        func listing() -> Set<String> { listing(statedAtNanoseconds: later) }
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

    /// What a rebuild removes is worked out without listing every file; it must be what the
    /// whole listing gives, and the last build's folder table restamped must be a fresh one.
    @Test func filesNotKeptAndRestampedFoldersMatchTheFullWork() throws {
        let root = Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        func write(_ path: String) throws { try Self.write(path, in: root) }
        let built = [
            "index.html", "articles/a/index.html", "articles/b/index.html", "articles/c/index.html",
            "tags/trade/index.html", "tags/zinc/index.html", "days/2019-02-13/index.html",
        ]
        for path in built { try write(path) }
        let folders = OutputListing.folderStamps(of: built, in: root.path)
        let later = OutputListing.nowNanoseconds() + 1_000_000_000
        // Others add a file to a folder the build made and to a new one; one page goes.
        try write("tags/trade/notes.txt")
        try write("extra/file.html")
        try FileManager.default.removeItem(at: root.appendingPathComponent("articles/c/index.html"))
        let listing = OutputListing.files(in: root.path, recorded: built, folders: folders, statedAtNanoseconds: later)
        #expect(listing.files == Set(ContentLoader.walk(root)))
        let kept: Set<String> = ["index.html", "articles/a/index.html", "tags/zinc/index.html"]
        let notKept = listing.files(notKeptBy: { kept.contains($0) })
        #expect(Set(notKept) == listing.files.subtracting(kept))
        #expect(notKept.count == Set(notKept).count)
        #expect(notKept.contains("tags/trade/notes.txt") && notKept.contains("extra/file.html"))
        #expect(!notKept.contains("articles/c/index.html"))

        // The same files as recorded (the added ones go again): the old table, restamped
        // where the listing did not find a folder settled, equals stamping every folder anew.
        try FileManager.default.removeItem(at: root.appendingPathComponent("tags/trade/notes.txt"))
        try FileManager.default.removeItem(at: root.appendingPathComponent("extra"))
        try write("articles/c/index.html")
        let restamped = OutputListing.restamped(folders, restamping: listing.unsettled, in: root.path)
        #expect(restamped == OutputListing.folderStamps(of: built, in: root.path))
        #expect(!listing.settled.contains("tags/trade") && !listing.settled.contains("articles/c"))
        #expect(Set(listing.unsettled).isSuperset(of: ["tags/trade", "articles/c"]))
        #expect(listing.settled.isDisjoint(with: listing.unsettled))
        #expect(listing.settled.union(listing.unsettled) == Set(folders.keys))
    }
}

/// The one pass over the output a rebuild makes finds what the two separate looks find: the
/// recorded files altered since, and the files the output holds.
@Suite struct OutputCheckTests {
    @Test func findsAlteredFilesAndListsTheOutput() throws {
        let root = OutputListingTests.makeFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let built = ["index.html", "articles/a/index.html", "articles/b/index.html", "tags/trade/index.html"]
        for path in built { try OutputListingTests.write(path, in: root) }
        let folder = try #require(OpenFolder(root.path))
        let stamps = try built.map { try #require(FileStamp($0, in: folder)) }
        let folders = OutputListing.folderStamps(of: built, in: root.path)
        let later = OutputListing.nowNanoseconds() + 1_000_000_000
        try Data("tampered".utf8).write(to: root.appendingPathComponent("articles/a/index.html"))
        try FileManager.default.removeItem(at: root.appendingPathComponent("tags/trade/index.html"))
        try OutputListingTests.write("articles/b/notes.txt", in: root)

        let check = OutputCheck(output: root.path, files: built, stamps: stamps, folders: folders, statedAtNanoseconds: later) {
            Issue.record("walked although folders were recorded")
            return []
        }.value
        #expect(check.altered == ["articles/a/index.html", "tags/trade/index.html"])
        #expect(check.listing.files == Set(ContentLoader.walk(root)))
        #expect(check.listing.files == OutputListing.files(in: root.path, recorded: built, folders: folders, statedAtNanoseconds: later).files)
        // Without folder stamps the output is walked.
        let walked = OutputCheck(output: root.path, files: built, stamps: stamps, folders: [:], statedAtNanoseconds: later) { ["walked.html"] }.value
        #expect(walked.listing.files == ["walked.html"] && walked.altered == check.altered)
    }
}

extension OutputListing.Result {
    /// Every file listed, for comparing with a walk.
    var files: Set<String> {
        Set(found).union(recorded.lazy.filter { settled.contains(OutputFile.folder(of: $0)) })
    }
}
