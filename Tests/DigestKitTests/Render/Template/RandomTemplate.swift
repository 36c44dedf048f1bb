import Foundation
import Mustache

@testable import DigestKit

/// Random templates and contexts for comparing the compiled renderer with swift-mustache: a
/// small pool of names, so that look-ups hit, miss and climb the stack, and values of every
/// kind Digest hands templates plus some it never does (which take the fallback).
struct RandomTemplate {
    var random: SeededRandom

    static let names = ["a", "b", "list", "t", "x", "empty", "html"]
    static let paths = names + ["a.b", "t.x", "list.a", ".", ".a", "a.b.x", "x.html"]
    static let texts = ["", "text", " ", "  ", "\n", "\r\n", "<&\"'>", "é\u{301}", "网络", "{", "}", "\t"]

    mutating func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
    mutating func chance(_ percent: UInt64) -> Bool { random.next() % 100 < percent }

    /// A well-formed template: sections always closed, so most render. Only the page includes
    /// partials and has blocks, and a block's content has none: a partial's block filled with
    /// that partial, or a block filled with itself, would recurse for ever (in swift-mustache too).
    mutating func template(depth: Int = 0, partials: Bool = true) -> String {
        var text = ""
        let count = depth == 0 ? 3 + Int(random.next() % 8) : 1 + Int(random.next() % 5)
        for _ in 0..<count {
            switch random.next() % 16 {
            case 0, 1: text += pick(Self.texts)
            case 2: text += "{{\(pick(Self.paths))}}"
            case 3: text += "{{{\(pick(Self.paths))}}}"
            case 4: text += "{{& \(pick(Self.paths)) }}"
            case 5, 6:
                guard depth < 3 else { continue }
                let name = pick(Self.paths)
                let sigil = chance(30) ? "^" : "#"
                let standalone = chance(40)
                let open = standalone ? "\(pick(["", "  ", "\t"])){{\(sigil)\(name)}}\n" : "{{\(sigil)\(name)}}"
                let close = standalone ? "\(pick(["", " "])){{/\(name)}}\n" : "{{/\(name)}}"
                text += open + template(depth: depth + 1, partials: partials) + close
            case 7: text += pick(["{{first()}}", "{{^last()}}, {{/last()}}", "{{index()}}", "{{#odd()}}o{{/odd()}}"])
            case 8: text += pick(["{{count(list)}}", "{{^empty(list)}}n{{/empty(list)}}", "{{#empty(a)}}e{{/empty(a)}}", "{{reversed(list)}}"])
            case 9:
                guard partials else { continue }
                text += pick(["{{> p}}", "  {{> p}}\n", "{{>q}}", "{{>*x}}", "{{> missing}}"])
            case 10: text += pick(["{{! note }}", "  {{! line }}\n", "{{!\nmulti\n}}"])
            case 11: text += pick(["{{=<% %>=}}<%a%><%={{ }}=%>", "{{% CONTENT_TYPE: TEXT}}", "{{% CONTENT_TYPE: HTML}}"])
            case 12:
                guard depth == 0 else { continue }
                text += "{{<parent}}\(pick(["", "\n"])){{$block}}\(template(depth: 3, partials: false)){{/block}}{{/parent}}"
            case 13:
                guard partials else { continue }
                text += "\(pick(["", "  "])){{$block}}\(template(depth: 3, partials: false)){{/block}}\(pick(["", "\n"]))"
            default: text += pick(Self.texts) + "\n"
            }
        }
        return text
    }

    /// Any value, nested up to `depth`.
    mutating func value(depth: Int = 0) -> Any {
        let leaf = depth >= 3
        switch random.next() % (leaf ? 9 : 19) {
        case 0: return pick(["", "plain", "<b> & \"q\" 'a'", "é\u{301}<\u{301}", "line\nbreak"])
        case 1: return Int(random.next() % 5) - 1
        case 2: return chance(50)
        case 3: return 2.5
        case 4: return NSNull()
        case 5: return Optional<String>.none as Any
        case 6: return Optional<String>.some("wrapped") as Any
        case 7: return LazyHTML(fingerprint: 0) { "<i>lazy</i>" }
        case 8: return Point(x: 1, html: "<p>")
        case 9, 10: return dictionary(depth: depth + 1)
        case 11: return (0..<Int(random.next() % 4)).map { _ in value(depth: depth + 1) }
        case 12: return (0..<Int(random.next() % 4)).map { _ in dictionary(depth: depth + 1) }
        case 13: return TemplateValues(dictionary(depth: depth + 1))
        case 14: return SharedContext(dictionary(depth: depth + 1), fingerprint: 0)
        case 15:
            let html = chance(50) ? LazyHTML(fingerprint: 0) { "<li>item</li>" } : nil
            return ListItem(item: SharedContext(dictionary(depth: depth + 1), fingerprint: 0), html: html, fingerprint: 0)
        case 16: return ["x": "y", "html": "<s>"] as [String: String]
        case 17: return list(depth: depth)
        default:
            // Sequences swift-mustache knows that Digest never makes: read the general way.
            return chance(50) ? Set(["a", "<b>"]) as Any : [1, 2, 3].reversed() as Any
        }
    }

    /// A list of one of the element types Digest's view models use, which the renderer reads
    /// by type.
    mutating func list(depth: Int) -> Any {
        let count = Int(random.next() % 4)
        switch random.next() % 6 {
        case 0: return (0..<count).map { _ in pick(["", "a", "<b>"]) }
        case 1: return (0..<count).map { $0 - 1 }
        case 2: return (0..<count).map { _ in SharedContext(dictionary(depth: depth + 1), fingerprint: 0) }
        case 3: return (0..<count).map { _ in TemplateValues(dictionary(depth: depth + 1)) }
        case 4: return (0..<count).map { _ in ["name": pick(["x", "<y>"]), "url": "u/"] as [String: String] }
        default:
            return (0..<count).map { _ in
                ListItem(item: SharedContext(dictionary(depth: depth + 1), fingerprint: 0), html: LazyHTML(fingerprint: 0) { "<li>" }, fingerprint: 0)
            }
        }
    }

    mutating func dictionary(depth: Int = 0) -> [String: Any] {
        var values: [String: Any] = [:]
        for _ in 0..<Int(random.next() % 5) { values[pick(Self.names)] = value(depth: depth) }
        return values
    }
}

/// A struct read through `Mirror`, as swift-mustache reads values it knows nothing about.
struct Point {
    var x: Int
    var html: String?
}
