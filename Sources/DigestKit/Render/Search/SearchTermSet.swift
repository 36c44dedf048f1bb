/// Gathers distinct terms from bytes (the tokenizer's, or a document's terms for the postings)
/// into a `SearchTermList` (`list`): open addressing on the terms' hashes, comparing the bytes past the
/// first eight only when the keys agree, so that a term becomes neither a `String` nor a
/// dictionary key on the way.
struct SearchTermSet {
    private struct Entry {
        var key: SearchTermList.Key
        var start: UInt32
        var count: UInt32
        var flags: UInt8
    }

    /// Entry index + 1 of each slot; 0 is empty.
    private var slots: [UInt32]
    private var entries: [Entry] = []
    private var arena: [UInt8] = []

    init(capacity: Int = 128) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [UInt32](repeating: 0, count: size)
        entries.reserveCapacity(capacity)
        arena.reserveCapacity(capacity * 8)
    }

    var count: Int { entries.count }

    /// The terms, each with its bits, in the order first seen.
    var list: SearchTermList {
        var list = SearchTermList()
        // Copied, not shared: the set's buffers have room to spare.
        list.arena.reserveCapacity(arena.count)
        list.arena.append(contentsOf: arena)
        list.ends = entries.map { $0.start + $0.count }
        list.flags = entries.map(\.flags)
        return list
    }

    /// Adds `term` with `flags` (or `flags` to its bits if present); returns its index in `list`.
    @discardableResult @inline(__always)
    mutating func insert(_ term: UnsafeBufferPointer<UInt8>, flags: UInt8) -> Int {
        insert(term, key: SearchTermList.key(term), flags: flags)
    }

    /// As `insert(_:flags:)`, with `key` given (`SearchTermList.key(term)`).
    @discardableResult
    mutating func insert(_ term: UnsafeBufferPointer<UInt8>, key: SearchTermList.Key, flags: UInt8) -> Int {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: key.hash) & mask
        while true {
            let occupant = slots[slot]
            if occupant == 0 { break }
            let index = Int(occupant) - 1
            let entry = entries[index]
            if entry.key == key, Int(entry.count) == term.count, term.count <= 8 || holds(entry, term) {
                if flags & ~entry.flags != 0 { entries[index].flags |= flags }
                return index
            }
            slot = (slot + 1) & mask
        }
        let index = entries.count
        slots[slot] = UInt32(index + 1)
        entries.append(Entry(key: key, start: UInt32(arena.count), count: UInt32(term.count), flags: flags))
        arena.append(contentsOf: term)
        if entries.count * 2 > slots.count { grow() }
        return index
    }

    /// Whether `entry` holds `term` past its first eight bytes (the keys compared those).
    private func holds(_ entry: Entry, _ term: UnsafeBufferPointer<UInt8>) -> Bool {
        arena.withUnsafeBufferPointer { arena in
            let start = Int(entry.start)
            for offset in 8..<term.count where arena[start + offset] != term[offset] { return false }
            return true
        }
    }

    private mutating func grow() {
        slots = [UInt32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (index, entry) in entries.enumerated() {
            var slot = Int(truncatingIfNeeded: entry.key.hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = UInt32(index + 1)
        }
    }
}
