/// Escaping straight into a page's bytes, without an escaped copy of each value.
enum TemplateEscaper {
    /// `HTMLEscaping`'s five entities, on UTF-8 bytes. Runs without special characters are
    /// copied whole.
    static func appendHTML(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var runStart = 0
        for index in 0..<bytes.count {
            let entity: StaticString
            switch bytes[index] {
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "\""): entity = "&quot;"
            case UInt8(ascii: "'"): entity = "&#39;"
            default: continue
            }
            if index > runStart { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
            entity.withUTF8Buffer { output.append(contentsOf: $0) }
            runStart = index + 1
        }
        if bytes.count > runStart { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
    }

    /// swift-mustache's own HTML escaping (`{{% CONTENT_TYPE: HTML}}`): whole Characters, so a
    /// `<` carrying a combining mark is left as it is.
    static func appendCharacterHTML(_ string: String, to output: inout [UInt8]) {
        for character in string {
            switch character {
            case "<": output.append(contentsOf: "&lt;".utf8)
            case ">": output.append(contentsOf: "&gt;".utf8)
            case "&": output.append(contentsOf: "&amp;".utf8)
            case "\"": output.append(contentsOf: "&quot;".utf8)
            case "'": output.append(contentsOf: "&#39;".utf8)
            default: output.append(contentsOf: character.utf8)
            }
        }
    }
}
