import Foundation

/// What the search index asks of the last build to keep or patch its files, answered by the
/// build (`Build/SearchIndexKeeping`): Render knows nothing of the cache.
protocol SearchIndexReuse: Sendable {
    /// True when the last build's `file` may be left as it is: its recorded fingerprint is
    /// `fingerprint` and it is intact. Otherwise notes `fingerprint` for the next build.
    func canKeep(_ file: String, fingerprint: UInt64) -> Bool
    /// Keeps the files the last build recorded directly in `folders` (each ends in `/`), but
    /// those in `except`, without looking at their inputs: all of them if every one is still
    /// as that build left it; else none, and false.
    func carryOver(folders: [String], except: Set<String>) -> Bool
    /// The bytes of a file as the last build wrote it, when it is still so: for outputs that
    /// are brought up to date rather than made afresh (the shards).
    func intactBytes(_ file: String) -> Data?
}
