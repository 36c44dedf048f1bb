import Foundation

/// Digest's default theme, compiled into the program: the EmbedBuiltIns plugin writes `texts`
/// and `base64` from `Resources/DefaultTheme` at build time, so a `digest` copied alone can
/// make, build and eject a theme with no files beside it.
enum BuiltInTheme {
    /// Every file by its path in the theme (`partials/item.mustache`, `assets/style.css`).
    static let files: [String: Data] = {
        var files = texts.mapValues { Data($0.utf8) }
        for (path, encoded) in base64 { files[path] = Data(base64Encoded: encoded) }
        return files
    }()
}
