/// Which shard each term goes in. A term's key is its first two characters (the first one for a
/// CJK term, a bigram's first character), so a query loads only the shards its terms start
/// with. A shard that would be larger than `maxBytes` is split by one more character (terms no
/// longer than the key stay), so a common prefix (`th`, `co`) does not make every query that
/// touches it load a large file. The search page finds a term's shard as the longest listed key
/// that the term starts with.
struct SearchShardKeys {
    var maxBytes = 12_000
    var maxKeyLength = 8

    /// One shard: its key and its terms' indices into the list given to `shards`.
    struct Shard {
        var key: String
        var terms: [Int]
    }

    /// `terms` with the bytes each will take in its shard; shards sorted by key, terms in each
    /// in the order given.
    func shards(_ terms: [(term: String, bytes: Int)]) -> [Shard] {
        var groups: [String: [Int]] = [:]
        for (index, entry) in terms.enumerated() {
            groups[Self.baseKey(entry.term), default: []].append(index)
        }
        var shards: [Shard] = []
        for (key, members) in groups {
            split(key: key, members: members, terms: terms, into: &shards)
        }
        return shards.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
    }

    static func baseKey(_ term: String) -> String {
        let scalars = term.unicodeScalars
        guard let first = scalars.first else { return term }
        let length = SearchTokenizer.isUnspaced(first.value) ? 1 : 2
        return String(String.UnicodeScalarView(scalars.prefix(length)))
    }

    private func split(key: String, members: [Int], terms: [(term: String, bytes: Int)], into shards: inout [Shard]) {
        let keyLength = key.unicodeScalars.count
        let size = members.reduce(0) { $0 + terms[$1].bytes }
        guard size > maxBytes, keyLength < maxKeyLength else {
            shards.append(Shard(key: key, terms: members))
            return
        }
        var stay: [Int] = []
        var children: [String: [Int]] = [:]
        for member in members {
            let scalars = terms[member].term.unicodeScalars
            if scalars.count <= keyLength {
                stay.append(member)
            } else {
                children[String(String.UnicodeScalarView(scalars.prefix(keyLength + 1))), default: []].append(member)
            }
        }
        if !stay.isEmpty { shards.append(Shard(key: key, terms: stay)) }
        for (child, childMembers) in children {
            split(key: child, members: childMembers, terms: terms, into: &shards)
        }
    }

    /// The shard file of `key`, under `search/`. The `t_` keeps names such as `con` clear of
    /// the device names Windows reserves.
    static func file(_ key: String) -> String { "search/terms/t_\(key).js" }
}
