import Foundation

/// The build cache's file format: fields written in a fixed order, lengths before contents.
/// Foundation's coders (JSON, and binary property lists, slower still) took most of a rebuild's
/// time to read and write a large site's cache; this format is read far faster.
///
/// Any damage (a cut-off or foreign file) makes reading fail, and the build is then a full one.
struct CacheWriter {
    private(set) var bytes: [UInt8] = []

    mutating func reserve(_ count: Int) {
        bytes.reserveCapacity(bytes.count + count)
    }

    mutating func write(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ value: Int) { write(UInt64(bitPattern: Int64(value))) }

    mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func write(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            write(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func write(_ value: String?) {
        write(value != nil)
        if let value { write(value) }
    }

    mutating func write(_ value: Int?) {
        write(value != nil)
        if let value { write(value) }
    }

    mutating func write(_ values: [String]) {
        write(values.count)
        for value in values { write(value) }
    }

    mutating func write(_ values: [Int]) {
        write(values.count)
        for value in values { write(value) }
    }

    /// Adds one to the count written at `offset`: for a list whose length is known only at its
    /// end (`CacheEncoder.unkeyedContainer()`).
    mutating func countUp(at offset: Int) {
        bytes.withUnsafeMutableBytes { bytes in
            let count = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            bytes.storeBytes(of: (count + 1).littleEndian, toByteOffset: offset, as: UInt64.self)
        }
    }

    func count(at offset: Int) -> Int {
        bytes.withUnsafeBytes { Int(UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self))) }
    }

    /// Bytes another writer made, their length first (see `CacheReader.part()`).
    mutating func writePart(_ part: [UInt8]) {
        write(part.count)
        bytes.append(contentsOf: part)
    }
}
