/// Every term's documents, gathered from terms given document by document in ascending id order.
///
/// A clean build's index hands the tokenizer's terms straight to one of these (one per run of
/// ids, merged in id order by `merged`): one look-up per word of every body, where a term list
/// made per document and then looked up again for the postings took two, and a copy between.
struct SearchPostingsBuilder: SearchFieldTermSink {
    private var table = SearchTermSet(capacity: 4096)
    private var ids: [[UInt32]] = []
    private var fieldBits: [[UInt8]] = []
    /// Each term's last document and that document's bits so far, side by side: most words of
    /// a body repeat a term it already gave, and these answer that without reaching into the
    /// term's own lists, each in memory of its own.
    private var lastDocument: [UInt32] = []
    private var lastBits: [UInt8] = []

    /// The document the terms given now belong to; never lower than the last one's.
    var document: UInt32 = 0
    /// The `SearchDocument.Field` bits of the terms given now.
    var flags: UInt8 = 0

    @inline(__always) mutating func add(_ term: UnsafeBufferPointer<UInt8>) { add(term, flags: flags) }

    @inline(__always) mutating func add(_ term: UnsafeBufferPointer<UInt8>, key: SearchTermList.Key) {
        add(at: table.insert(term, key: key, flags: 0), flags: flags)
    }

    /// Adds `document` to `term`'s postings with `bits`, or `bits` to its entry if it is there.
    @inline(__always) mutating func add(_ term: UnsafeBufferPointer<UInt8>, flags bits: UInt8) {
        add(at: table.insert(term, flags: 0), flags: bits)
    }

    /// As `add(_:flags:)`, for the term at `at` in the table.
    @inline(__always) private mutating func add(at: Int, flags bits: UInt8) {
        if at == ids.count {
            ids.append([document])
            fieldBits.append([bits])
            lastDocument.append(document)
            lastBits.append(bits)
        } else if lastDocument[at] == document {
            guard lastBits[at] | bits != lastBits[at] else { return }
            lastBits[at] |= bits
            fieldBits[at][fieldBits[at].count - 1] = lastBits[at]
        } else {
            ids[at].append(document)
            fieldBits[at].append(bits)
            lastDocument[at] = document
            lastBits[at] = bits
        }
    }

    /// Adds a document's terms, as listed with their bits.
    mutating func add(_ id: UInt32, terms: SearchTermList) {
        document = id
        terms.forEach { term, bits in add(term, flags: bits) }
    }

    /// The postings of `parts` together, each part's ids all higher than the one's before.
    static func merged(_ parts: [SearchPostingsBuilder]) -> [SearchIndex.Posting] {
        guard var whole = parts.first else { return [] }
        for part in parts.dropFirst() {
            var index = 0
            part.table.list.forEach { term, _ in
                let at = whole.table.insert(term, flags: 0)
                if at == whole.ids.count {
                    whole.ids.append(part.ids[index])
                    whole.fieldBits.append(part.fieldBits[index])
                } else {
                    whole.ids[at] += part.ids[index]
                    whole.fieldBits[at] += part.fieldBits[index]
                }
                index += 1
            }
        }
        let terms = whole.table.list
        return whole.ids.indices.map { SearchIndex.Posting(term: terms.term(at: $0), ids: whole.ids[$0], flags: whole.fieldBits[$0]) }
    }
}
