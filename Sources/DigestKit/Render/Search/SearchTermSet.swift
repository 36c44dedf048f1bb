import Foundation

/// The distinct terms of one document with the field bits of each, gathered from the
/// tokenizer's bytes: a term becomes a `String` once, not at each of its occurrences (a body
/// repeats its words many times over, and making a string of each showed in the build).
struct SearchTermSet {
    private struct Entry {
        var hash: UInt64
        var start: Int
        var count: Int
        var flags: UInt8
    }

    private var slots = [Int](repeating: -1, count: 256)
    private var entries: [Entry] = []
    private var arena: [UInt8] = []

    init() {
        entries.reserveCapacity(128)
        arena.reserveCapacity(2048)
    }

    mutating func insert(_ term: UnsafeBufferPointer<UInt8>, flags: UInt8) {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in term { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while slots[slot] >= 0 {
            let entry = entries[slots[slot]]
            if entry.hash == hash, entry.count == term.count, sameBytes(entry, term) {
                entries[slots[slot]].flags |= flags
                return
            }
            slot = (slot + 1) & (slots.count - 1)
        }
        slots[slot] = entries.count
        entries.append(Entry(hash: hash, start: arena.count, count: term.count, flags: flags))
        arena.append(contentsOf: term)
        if entries.count * 2 > slots.count { grow() }
    }

    private func sameBytes(_ entry: Entry, _ term: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = term.baseAddress else { return entry.count == 0 }
        return arena.withUnsafeBufferPointer { memcmp($0.baseAddress! + entry.start, base, entry.count) == 0 }
    }

    private mutating func grow() {
        slots = [Int](repeating: -1, count: slots.count * 2)
        for (index, entry) in entries.enumerated() {
            var slot = Int(truncatingIfNeeded: entry.hash) & (slots.count - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = index
        }
    }

    /// Each distinct term with its bits, in the order first seen.
    var terms: [(term: String, flags: UInt8)] {
        entries.map { (String(decoding: arena[$0.start..<$0.start + $0.count], as: UTF8.self), $0.flags) }
    }
}
