import Mustache

/// HTML a template prints with `{{{…}}}`, made only when a page is actually rendered: a rebuild
/// that skips a page never pays for its article body or its list items. `fingerprint` stands
/// for everything the HTML is made from, so page fingerprints can include it unmade.
struct LazyHTML: MustacheCustomRenderable, @unchecked Sendable {
    let fingerprint: UInt64
    let make: () -> String
    /// Appends the same HTML as `make` as UTF-8 bytes, where that saves making a `String`:
    /// the compiled renderer uses it for `{{{…}}}`.
    var write: ((inout [UInt8]) -> Void)? = nil

    var renderText: String { make() }
    var isNull: Bool { false }
}
