import Mustache

/// The fingerprint of a page's whole template context. A page renders from its context and the
/// templates alone, so two builds that give a page the same fingerprint (with the same
/// templates) give it the same bytes, and a rebuild can keep the file it wrote before.
enum PageFingerprint {
    static func of(_ context: [String: Any], seed: UInt64) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(seed)
        combine(context, into: &hasher)
        return hasher.finalize()
    }

    // Values are told apart by their exact type. `as?` casts were tried first and were slow:
    // on Linux, casting a dictionary to a class type (to test for `SharedContext`) bridges it
    // to an NSDictionary first, which took most of a rebuild.
    private static let string = ObjectIdentifier(String.self)
    private static let shared = ObjectIdentifier(SharedContext.self)
    private static let dictionary = ObjectIdentifier([String: Any].self)
    private static let stringDictionary = ObjectIdentifier([String: String].self)
    private static let sharedList = ObjectIdentifier([SharedContext].self)
    private static let itemList = ObjectIdentifier([ListItem].self)
    private static let dictionaryList = ObjectIdentifier([[String: Any]].self)
    private static let stringDictionaryList = ObjectIdentifier([[String: String]].self)
    private static let stringList = ObjectIdentifier([String].self)
    private static let anyList = ObjectIdentifier([Any].self)
    private static let int = ObjectIdentifier(Int.self)
    private static let bool = ObjectIdentifier(Bool.self)
    private static let lazy = ObjectIdentifier(LazyHTML.self)

    /// Every value a view model holds; a tag before each kind keeps `["a"]` and `"a"` apart.
    static func combine(_ value: Any, into hasher: inout StableHasher) {
        let type = ObjectIdentifier(Swift.type(of: value))
        if type == string {
            hasher.combine(1)
            hasher.combine(value as! String)
        } else if type == shared {
            hasher.combine(2)
            hasher.combine((value as! SharedContext).fingerprint)
        } else if type == dictionary {
            combine(value as! [String: Any], into: &hasher)
        } else if type == stringDictionary {
            let dictionary = value as! [String: String]
            hasher.combine(3)
            hasher.combine(dictionary.count)
            for key in dictionary.keys.sorted() {
                hasher.combine(key)
                hasher.combine(dictionary[key]!)
            }
        } else if type == sharedList {
            combine(fingerprints: (value as! [SharedContext]).map(\.fingerprint), into: &hasher)
        } else if type == itemList {
            // A list entry's fingerprint stands for its item and its html alike.
            combine(fingerprints: (value as! [ListItem]).map(\.fingerprint), into: &hasher)
        } else if type == dictionaryList {
            combine(list: value as! [[String: Any]], into: &hasher)
        } else if type == stringDictionaryList {
            combine(list: value as! [[String: String]], into: &hasher)
        } else if type == stringList {
            let list = value as! [String]
            hasher.combine(6)
            hasher.combine(list.count)
            for element in list { hasher.combine(element) }
        } else if type == anyList {
            combine(list: value as! [Any], into: &hasher)
        } else if type == int {
            hasher.combine(7)
            hasher.combine(value as! Int)
        } else if type == bool {
            hasher.combine(8)
            hasher.combine(value as! Bool)
        } else if type == lazy {
            hasher.combine(9)
            hasher.combine((value as! LazyHTML).fingerprint)
        } else {
            // A kind of value the view models do not use yet. Its description stands for it;
            // if that is not stable (a dictionary's order), the page is just rendered again.
            hasher.combine(10)
            hasher.combine(String(reflecting: Swift.type(of: value)))
            hasher.combine(String(describing: value))
        }
    }

    /// A list of values whose fingerprints are worked out already.
    private static func combine(fingerprints: [UInt64], into hasher: inout StableHasher) {
        hasher.combine(4)
        hasher.combine(fingerprints.count)
        for fingerprint in fingerprints { hasher.combine(fingerprint) }
    }

    /// A list of values of any kind, each told apart as above.
    private static func combine<Element>(list: [Element], into hasher: inout StableHasher) {
        hasher.combine(5)
        hasher.combine(list.count)
        for element in list { combine(element as Any, into: &hasher) }
    }

    static func combine(_ dictionary: [String: Any], into hasher: inout StableHasher) {
        hasher.combine(3)
        hasher.combine(dictionary.count)
        for key in dictionary.keys.sorted() {
            hasher.combine(key)
            combine(dictionary[key]!, into: &hasher)
        }
    }
}

extension SiteRenderer {
    /// The page's fingerprint (`PageFingerprint`), for comparing with a build's before.
    func fingerprint(_ job: PageJob, seed: UInt64) -> UInt64 {
        PageFingerprint.of(prepare(job).context, seed: seed)
    }

    /// The page, and with `fingerprintSeed` its fingerprint too, from one preparation.
    func render(_ job: PageJob, fingerprintSeed seed: UInt64?) -> (html: String, fingerprint: UInt64?) {
        let prepared = prepare(job)
        return (render(prepared), seed.map { PageFingerprint.of(prepared.context, seed: $0) })
    }
}
