import Foundation
import Testing

@testable import DigestKit

#if canImport(Glibc)
import Glibc
#endif

@Suite struct DirectoryEntryTests {
    /// `readdir` packs entries as long as their names; the last one can end where mapped
    /// memory ends. Reading its name and type must not touch a byte past it: here the next
    /// page is unreadable, so reading the whole `dirent` would crash the test run.
    @Test func anEntryAtTheEdgeOfMappedMemoryIsReadInPlace() throws {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let memory = try #require(mmap(nil, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0))
        #expect(memory != MAP_FAILED)
        defer { munmap(memory, 2 * page) }
        #expect(mprotect(memory + page, page, PROT_NONE) == 0)

        let name = "2019-01-01-article-000891.md"
        let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        let length = (nameOffset + name.utf8.count + 1 + 7) & ~7
        #expect(length < MemoryLayout<dirent>.size)
        let start = memory + page - length
        start.initializeMemory(as: UInt8.self, repeating: 0, count: length)
        start.storeBytes(of: UInt16(length), toByteOffset: MemoryLayout<dirent>.offset(of: \dirent.d_reclen)!, as: UInt16.self)
        start.storeBytes(of: UInt8(DT_REG), toByteOffset: MemoryLayout<dirent>.offset(of: \dirent.d_type)!, as: UInt8.self)
        for (index, byte) in name.utf8.enumerated() { start.storeBytes(of: byte, toByteOffset: nameOffset + index, as: UInt8.self) }

        let entry = start.assumingMemoryBound(to: dirent.self)
        #expect(DirectoryEntry.name(entry) == name)
        #expect(DirectoryEntry.type(entry) == UInt8(DT_REG))
    }
}
