import Mustache

/// Finding a name's value. The value kinds Digest's view models use are recognised by their
/// exact type and read directly; anything else goes through the same protocol casts
/// swift-mustache makes (`MustacheParent`, `Mirror`…), so users' values behave as before.
/// swift-mustache makes those casts for every value at every level of the stack, which was
/// most of its time.
extension TemplateRun {
    func resolve(_ path: TemplatePath, _ frame: Frame) -> Any? {
        var found: Any?
        switch path.start {
        case .top:
            if let first = path.names.first {
                found = stack[stack.count - 1].child(first).flatMap { descend(path.names.dropFirst(), from: $0) }
            } else {
                found = stack[stack.count - 1].value
            }
        case .sequence:
            found = frame.sequence
        case .stack:
            if let first = path.names.first {
                var level = stack.count - 1
                while level >= 0 {
                    if let child = stack[level].child(first) {
                        found = path.names.count == 1 ? child : descend(path.names.dropFirst(), from: child)
                        break
                    }
                    level -= 1
                }
            } else {
                found = stack[stack.count - 1].value
            }
        }
        guard var value = found else { return nil }
        if !TemplateValueKind.isKnown(value), let custom = value as? MustacheCustomRepresentation {
            guard let representation = custom.representation else { return nil }
            value = representation
        }
        for transform in path.transforms {
            guard let transformable = value as? MustacheTransformable, let transformed = transformable.transform(transform) else { return nil }
            value = transformed
        }
        return value
    }

    private func descend(_ names: ArraySlice<String>, from object: Any) -> Any? {
        var object = object
        for name in names {
            guard let child = Self.child(name, of: object) else { return nil }
            object = child
        }
        return object
    }

    /// `object`'s value called `name`, as swift-mustache's `_getImmediateChild` finds it.
    static func child(_ name: String, of object: Any) -> Any? {
        switch TemplateValueKind(object) {
        case .dictionary: return (object as! [String: Any])[name]
        case .templateValues: return (object as! TemplateValues).values[name]
        case .shared: return (object as! SharedContext).values[name]
        case .listItem: return (object as! ListItem).child(named: name)
        case .stringDictionary: return (object as! [String: String])[name]
        // Neither is a `MustacheParent`, and `Mirror` finds no labelled children in them.
        case .string, .int, .bool, .list: return nil
        case .lazyHTML, .other: return otherChild(name, of: object)
        }
    }

    private static func otherChild(_ name: String, of object: Any) -> Any? {
        let object: Any? = if let custom = object as? MustacheCustomRepresentation { custom.representation } else { object }
        if let parent = object as? MustacheParent { return parent.child(named: name) }
        guard let object else { return nil }
        guard let matched = Mirror(reflecting: object).children.first(where: { $0.label == name }) else { return nil }
        let mirror = Mirror(reflecting: matched.value)
        guard mirror.displayStyle == .optional else { return matched.value }
        return mirror.children.first?.value
    }
}

/// Where a list's section is: the values swift-mustache's sequence transforms give.
struct TemplateSequencePosition: MustacheTransformable {
    var first: Bool
    var last: Bool
    var index: Int

    func transform(_ name: String) -> Any? {
        switch name {
        case "first": first
        case "last": last
        case "index": index
        case "even": (index & 1) == 0
        case "odd": (index & 1) == 1
        default: nil
        }
    }
}
