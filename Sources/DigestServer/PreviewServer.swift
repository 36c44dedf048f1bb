import DigestKit
import Hummingbird

/// The preview server behind `digest serve` (being built; see issue 3).
public enum PreviewServer {}
