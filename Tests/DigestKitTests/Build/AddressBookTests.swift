import Foundation
import Testing

@testable import DigestKit

/// `.digest-cache/addresses`: read back as written, and a damaged file read as no book (the
/// build then reports no moves) rather than as a wrong one.
@Suite struct AddressBookTests {
    @Test func aSavedBookReadsBackEqual() throws {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("digest-book-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: site) }
        let book = AddressBook(folders: [
            "Content/2019/a.md": "2019/02/13/a/", "Content/墨子号.md": "2019/02/14/墨子号/", "Content/b c.md": "sections/x/b-c/",
            "Content/empty.md": "",
        ])
        try book.save(in: site)
        #expect(AddressBook.load(from: site) == book)
        // A path with a tab or a line break has no place in the format: left out, not garbled.
        var odd = book
        odd.folders["Content/tab\there.md"] = "x/"
        try odd.save(in: site)
        #expect(AddressBook.load(from: site) == book)
    }

    @Test(arguments: [
        "digest-addresses 2\nContent/a.md\t2019/a/\n", "Content/a.md\t2019/a/\n", "digest-addresses 1\nContent/a.md 2019/a/\n",
        "digest-addresses 1\nContent/a.md\t2019/a/\textra\n", "",
    ])
    func aDamagedBookIsNoBook(_ text: String) {
        #expect(AddressBook.parse(Array(text.utf8)) == nil, "\(text.debugDescription)")
    }

    @Test func theFirstLineAloneIsAnEmptyBook() {
        #expect(AddressBook.parse(Array("digest-addresses 1\n".utf8)) == AddressBook(folders: [:]))
    }
}
