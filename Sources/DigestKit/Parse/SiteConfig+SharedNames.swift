import Yams

extension SiteConfig {
    /// A name given to two entries of `speakers:` (or of `tags:`): articles giving it are filed
    /// under the first only, which is seldom what was meant, so the second is worth a warning
    /// at its line. Names are compared as pages are (`TermKey.normalize`: case and spacing).
    static func sharedNameWarnings(_ fields: YAMLFields) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for field in [NamesField.speakers, .tags] {
            guard let mapping = fields.entry(field.key)?.value.mapping else { continue }
            var owners: [String: (name: String, line: Int)] = [:]
            for (key, value) in mapping {
                guard let owner = key.string else { continue }
                let ownerLine = (key.mark?.line ?? 1) + fields.firstLine - 1
                var names: [(String, Node)] = [(owner, key)]
                names += (value.mapping ?? [:]).compactMap { _, name in name.string.map { ($0, name) } }
                var own: Set<String> = []
                for (name, node) in names {
                    let normalized = TermKey.normalize(name)
                    guard own.insert(normalized).inserted else { continue }
                    if let first = owners[normalized], first.name != owner {
                        warnings.append(
                            .warning(
                                file: fields.file, line: (node.mark?.line ?? 1) + fields.firstLine - 1, column: node.mark?.column ?? 1,
                                message: "'\(name)' is also a name of \(field.one) '\(first.name)' (line \(first.line)): "
                                    + "articles giving it are filed under '\(first.name)' only",
                                hint: "give each \(field.one) names of \(field.their) own, or make the two one entry"))
                    } else if owners[normalized] == nil {
                        owners[normalized] = (owner, ownerLine)
                    }
                }
            }
        }
        return warnings
    }
}
