extension String {
    /// The text without leading and trailing whitespace and newlines, as Foundation's
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` gives it, minus its NSString round trip
    /// (a twentieth of the parse stage). Text with nothing to trim is not copied.
    func trimmingWhitespace() -> String {
        guard let start = firstIndex(where: { !Self.isTrimmed($0) }) else { return "" }
        let end = lastIndex(where: { !Self.isTrimmed($0) })!
        if start == startIndex, index(after: end) == endIndex { return self }
        return String(self[start...end])
    }

    /// Foundation's set is Unicode's White_Space plus U+200B ZERO WIDTH SPACE (checked over
    /// every scalar).
    private static func isTrimmed(_ character: Character) -> Bool {
        character.isWhitespace || character == "\u{200B}"
    }
}
