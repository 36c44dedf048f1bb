/// A string with `{name}` placeholders (`{count} articles`, `{year}年{month_number}月{day}日`),
/// split once when the strings are read, so filling it in is a walk over its pieces.
struct TextPattern: Sendable, Equatable {
    enum Piece: Sendable, Equatable {
        case text(String)
        case value(String)
    }

    let pieces: [Piece]

    init(_ text: String) {
        var pieces: [Piece] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"),
            let close = rest[open...].firstIndex(of: "}")
        {
            if open > rest.startIndex { pieces.append(.text(String(rest[..<open]))) }
            pieces.append(.value(String(rest[rest.index(after: open)..<close])))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { pieces.append(.text(String(rest))) }
        self.pieces = pieces
    }

    /// The pattern as it was written, placeholders and all.
    var text: String {
        pieces.map { piece in
            switch piece {
            case let .text(text): text
            case let .value(name): "{\(name)}"
            }
        }.joined()
    }

    /// The text with each placeholder replaced by `value(name)`; a name it does not know stays
    /// as written, braces and all, so a mistyped placeholder shows on the page.
    func filled(_ value: (String) -> String?) -> String {
        var result = ""
        for piece in pieces {
            switch piece {
            case let .text(text): result += text
            case let .value(name): result += value(name) ?? "{\(name)}"
            }
        }
        return result
    }
}
