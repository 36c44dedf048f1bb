extension String {
    /// The text without leading and trailing whitespace and newlines, as Foundation's
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` gives it, minus its NSString round trip,
    /// which showed in the parse stage. Text with nothing to trim is not copied.
    ///
    /// Scalars are trimmed, not characters, as Foundation does: a space followed by a combining
    /// mark is one character, whose mark stays (the fuzz tests found "Ta \u{345}" losing it).
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !Self.isTrimmed($0) }) else { return "" }
        let end = scalars.lastIndex(where: { !Self.isTrimmed($0) })!
        if start == scalars.startIndex, scalars.index(after: end) == scalars.endIndex { return self }
        return String(scalars[start...end])
    }

    /// Foundation's set is Unicode's White_Space plus U+200B ZERO WIDTH SPACE (checked over
    /// every scalar).
    private static func isTrimmed(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar == "\u{200B}"
    }
}
