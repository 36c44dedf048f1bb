import Foundation

extension Localization {
    /// The strings the search page's script shows as it works, as JSON for its `data-words`:
    /// plain texts, and counted ones by plural category, which the script picks with the
    /// browser's `Intl.PluralRules` (the same CLDR categories `PluralRules` uses here).
    var searchWords: String {
        var words: [String: Any] = [:]
        for key in ["search_searching", "search_none", "search_showing", "search_found_all"] {
            words[String(key.dropFirst("search_".count))] = text(key)
        }
        for key in ["search_ready", "search_found", "search_found_up_to"] {
            let forms = counted[key] ?? [:]
            words[String(key.dropFirst("search_".count))] = Dictionary(
                uniqueKeysWithValues: forms.map { ($0.key.rawValue, $0.value.text) })
        }
        // Sorted keys: the page's bytes must not depend on a dictionary's order.
        let data = (try? JSONSerialization.data(withJSONObject: words, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
