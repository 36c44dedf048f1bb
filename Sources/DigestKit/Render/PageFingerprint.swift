import Foundation
import Mustache

/// The fingerprint of a page's whole template context. A page renders from its context and the
/// templates alone, so two builds that give a page the same fingerprint (with the same
/// templates) give it the same bytes, and a rebuild can keep the file it wrote before.
///
/// Every kind of value a context holds has an encoding of its own, a kind number first, so two
/// different contexts never make the same sequence for `StableHasher` (which frames each value
/// it is given):
///
/// | kind | value | then |
/// | ---: | --- | --- |
/// | 1 | `String` | the string |
/// | 2 | `SharedContext` | its fingerprint (of its values, made by this encoding) |
/// | 3 | `[String: Any]`, `[String: String]` | the count, then each key (sorted) and its value |
/// | 4 | `[Any]`, `[String]`, `[SharedContext]`, … | the count, then each element |
/// | 5 | `Int` | the number |
/// | 6 | `Bool` | the flag |
/// | 7 | `LazyHTML` | its fingerprint (of all its HTML is made from) |
/// | 8 | `ListItem` | its fingerprint (of its item and its HTML) |
///
/// A value of any other type is a programming error, not something to describe in text (two
/// values can print alike): `of` stops on it, and a test runs every page of the sample site
/// through `check`, so a view model given a new kind of value fails it until it has a kind here.
enum PageFingerprint {
    static func of(_ context: [String: Any], seed: UInt64) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(seed)
        do throws(UnencodableValue) {
            try combine(context, into: &hasher)
        } catch {
            preconditionFailure("PageFingerprint: \(error)")
        }
        return hasher.finalize()
    }

    /// Throws for the first value in `context` that has no encoding.
    static func check(_ context: [String: Any]) throws(UnencodableValue) {
        var hasher = StableHasher()
        try combine(context, into: &hasher)
    }

    /// A value no encoding exists for, and where it is (`share.tags[2]`).
    struct UnencodableValue: Error, CustomStringConvertible {
        let type: String
        var path = ""

        func inside(_ component: String) -> UnencodableValue {
            var outer = self
            outer.path = path.isEmpty || path.hasPrefix("[") ? component + path : component + "." + path
            return outer
        }

        var description: String { "no encoding for \(type) at \(path.isEmpty ? "the top" : path)" }
    }

    private enum Kind: Int {
        case string = 1, shared, dictionary, list, int, bool, lazyHTML, listItem
    }

    // Values are told apart by their exact type. `as?` casts were tried first and were slow:
    // on Linux, casting a dictionary to a class type (to test for `SharedContext`) bridges it
    // to an NSDictionary first, which dominated a rebuild.
    private static let stringType = ObjectIdentifier(String.self)
    private static let sharedType = ObjectIdentifier(SharedContext.self)
    private static let dictionaryType = ObjectIdentifier([String: Any].self)
    private static let stringDictionaryType = ObjectIdentifier([String: String].self)
    private static let sharedListType = ObjectIdentifier([SharedContext].self)
    private static let itemListType = ObjectIdentifier([ListItem].self)
    private static let dictionaryListType = ObjectIdentifier([[String: Any]].self)
    private static let stringDictionaryListType = ObjectIdentifier([[String: String]].self)
    private static let stringListType = ObjectIdentifier([String].self)
    private static let anyListType = ObjectIdentifier([Any].self)
    private static let intType = ObjectIdentifier(Int.self)
    private static let boolType = ObjectIdentifier(Bool.self)
    private static let lazyHTMLType = ObjectIdentifier(LazyHTML.self)
    private static let listItemType = ObjectIdentifier(ListItem.self)

    private static func combine(_ kind: Kind, into hasher: inout StableHasher) {
        hasher.combine(kind.rawValue)
    }

    /// One value, by the table above. Lists and dictionaries of a known element type take a
    /// loop of their own, which gives the same sequence as the general one.
    private static func combine(_ value: Any, into hasher: inout StableHasher) throws(UnencodableValue) {
        let type = ObjectIdentifier(Swift.type(of: value))
        if type == stringType {
            combine(string: value as! String, into: &hasher)
        } else if type == sharedType {
            combine(.shared, (value as! SharedContext).fingerprint, into: &hasher)
        } else if type == dictionaryType {
            try combine(value as! [String: Any], into: &hasher)
        } else if type == stringDictionaryType {
            let dictionary = value as! [String: String]
            combine(.dictionary, into: &hasher)
            hasher.combine(dictionary.count)
            for key in dictionary.keys.sorted() {
                hasher.combine(key)
                combine(string: dictionary[key]!, into: &hasher)
            }
        } else if type == sharedListType {
            combine(list: (value as! [SharedContext]).lazy.map(\.fingerprint), of: .shared, into: &hasher)
        } else if type == itemListType {
            combine(list: (value as! [ListItem]).lazy.map(\.fingerprint), of: .listItem, into: &hasher)
        } else if type == stringListType {
            let list = value as! [String]
            combine(.list, into: &hasher)
            hasher.combine(list.count)
            for element in list { combine(string: element, into: &hasher) }
        } else if type == dictionaryListType {
            try combine(list: value as! [[String: Any]], into: &hasher)
        } else if type == stringDictionaryListType {
            try combine(list: value as! [[String: String]], into: &hasher)
        } else if type == anyListType {
            try combine(list: value as! [Any], into: &hasher)
        } else if type == intType {
            combine(.int, into: &hasher)
            hasher.combine(value as! Int)
        } else if type == boolType {
            combine(.bool, into: &hasher)
            hasher.combine(value as! Bool)
        } else if type == lazyHTMLType {
            combine(.lazyHTML, (value as! LazyHTML).fingerprint, into: &hasher)
        } else if type == listItemType {
            combine(.listItem, (value as! ListItem).fingerprint, into: &hasher)
        } else {
            throw UnencodableValue(type: String(reflecting: Swift.type(of: value)))
        }
    }

    /// A value that stands for itself by its fingerprint.
    private static func combine(_ kind: Kind, _ fingerprint: UInt64, into hasher: inout StableHasher) {
        combine(kind, into: &hasher)
        hasher.combine(fingerprint)
    }

    /// A list of values of one kind that stand for themselves by their fingerprints.
    private static func combine(list fingerprints: some Collection<UInt64>, of kind: Kind, into hasher: inout StableHasher) {
        combine(.list, into: &hasher)
        hasher.combine(fingerprints.count)
        for fingerprint in fingerprints { combine(kind, fingerprint, into: &hasher) }
    }

    private static func combine(string: String, into hasher: inout StableHasher) {
        combine(.string, into: &hasher)
        hasher.combine(string)
    }

    private static func combine<Element>(list: [Element], into hasher: inout StableHasher) throws(UnencodableValue) {
        combine(.list, into: &hasher)
        hasher.combine(list.count)
        for (index, element) in list.enumerated() {
            do throws(UnencodableValue) {
                try combine(element as Any, into: &hasher)
            } catch {
                throw error.inside("[\(index)]")
            }
        }
    }

    private static func combine(_ dictionary: [String: Any], into hasher: inout StableHasher) throws(UnencodableValue) {
        combine(.dictionary, into: &hasher)
        hasher.combine(dictionary.count)
        for key in dictionary.keys.sorted() {
            hasher.combine(key)
            do throws(UnencodableValue) {
                try combine(dictionary[key]!, into: &hasher)
            } catch {
                throw error.inside(key)
            }
        }
    }
}

extension SiteRenderer {
    /// The page's fingerprint (`PageFingerprint`), for comparing with a build's before.
    func fingerprint(_ job: PageJob, seed: UInt64) -> UInt64 {
        PageFingerprint.of(prepare(job).context, seed: seed)
    }

    /// The page, and with `fingerprintSeed` its fingerprint too, from one preparation.
    func render(_ job: PageJob, fingerprintSeed seed: UInt64?) -> (html: Data, fingerprint: UInt64?) {
        let prepared = prepare(job)
        return (Data(renderBytes(prepared)), seed.map { PageFingerprint.of(prepared.context, seed: $0) })
    }
}
