import CCmarkGFM

/// What `digest --version` prints. The commit is recorded at build time by the EmbedBuiltIns
/// plugin ("unknown" outside a git checkout).
public enum DigestVersion {
    public static let number = "0.3.0"

    /// The cmark-gfm library the program runs with, as it reports itself.
    public static var cmarkGFM: String { String(cString: cmark_version_string()) }

    /// `0.3.0 (commit 338c4a4e1f2b, cmark-gfm 0.29.0.gfm.6)`.
    public static var description: String { "\(number) (commit \(commit), cmark-gfm \(cmarkGFM))" }
}
