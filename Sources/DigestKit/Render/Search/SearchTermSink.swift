/// What the tokenizer gives terms to (`SearchTokenizer.forEachTerm(inUTF8:into:)`).
protocol SearchTermSink {
    /// One term's UTF-8 bytes, valid only during the call.
    mutating func add(_ term: UnsafeBufferPointer<UInt8>)
    /// The same, with its key (`SearchTermList.key(term)`), which the tokenizer has at hand
    /// for a short ASCII word.
    mutating func add(_ term: UnsafeBufferPointer<UInt8>, key: SearchTermList.Key)
}

extension SearchTermSink {
    mutating func add(_ term: UnsafeBufferPointer<UInt8>, key: SearchTermList.Key) { add(term) }
}

/// A sink told which field the terms it is given stand in (`SearchDocument.addTerms`).
protocol SearchFieldTermSink: SearchTermSink {
    /// The `SearchDocument.Field` bits of the terms given from now on.
    var flags: UInt8 { get set }
}

extension SearchTermSet {
    /// Adds the terms it is given to a set, with the bits of one field at a time.
    struct Adding: SearchFieldTermSink {
        var set = SearchTermSet()
        var flags: UInt8 = 0

        @inline(__always) mutating func add(_ term: UnsafeBufferPointer<UInt8>) { set.insert(term, flags: flags) }

        @inline(__always) mutating func add(_ term: UnsafeBufferPointer<UInt8>, key: SearchTermList.Key) {
            set.insert(term, key: key, flags: flags)
        }
    }
}
