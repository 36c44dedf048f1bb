/// A value on a run's context stack, its kind told once, when it is pushed. A name looked up
/// then reads the dictionary at each level directly: cast out of `Any` again at every level of
/// every look-up, the values cost more in copies and casts than the look-ups themselves. A
/// list's elements are pushed as they are, not each boxed as `Any` first.
enum TemplateContext {
    case dictionary([String: Any])
    case stringDictionary([String: String])
    case templateValues(TemplateValues)
    case shared(SharedContext)
    case listItem(ListItem)
    /// Strings, numbers, flags, lists, lazy HTML and values of other types, read as
    /// `TemplateRun.child(_:of:)` reads them (only the last may have children).
    case other(Any)

    init(_ value: Any) {
        self.init(value, kind: TemplateValueKind(value))
    }

    /// `kind` is `TemplateValueKind(value)`, when the caller has it already.
    init(_ value: Any, kind: TemplateValueKind) {
        switch kind {
        case .dictionary: self = .dictionary(value as! [String: Any])
        case .stringDictionary: self = .stringDictionary(value as! [String: String])
        case .templateValues: self = .templateValues(value as! TemplateValues)
        case .shared: self = .shared(value as! SharedContext)
        case .listItem: self = .listItem(value as! ListItem)
        case .string, .int, .bool, .list, .lazyHTML, .other: self = .other(value)
        }
    }

    /// The value as it was pushed, for `{{.}}`.
    var value: Any {
        switch self {
        case let .dictionary(values): values
        case let .stringDictionary(values): values
        case let .templateValues(values): values
        case let .shared(shared): shared
        case let .listItem(item): item
        case let .other(value): value
        }
    }

    /// The value called `name` at this level, as `TemplateRun.child(_:of:)` finds it in `value`.
    func child(_ name: String) -> Any? {
        switch self {
        case let .dictionary(values): values[name]
        case let .stringDictionary(values): values[name]
        case let .templateValues(values): values.values[name]
        case let .shared(shared): shared.values[name]
        case let .listItem(item): item.child(named: name)
        case let .other(value): TemplateRun.child(name, of: value)
        }
    }

    /// The elements of a `.list` value (`TemplateValueKind`), each as swift-mustache's sequence
    /// section sees it.
    static func elements(of value: Any) -> [TemplateContext] {
        switch ObjectIdentifier(type(of: value)) {
        case ObjectIdentifier([ListItem].self): (value as! [ListItem]).map(TemplateContext.listItem)
        case ObjectIdentifier([SharedContext].self): (value as! [SharedContext]).map(TemplateContext.shared)
        case ObjectIdentifier([[String: Any]].self): (value as! [[String: Any]]).map(TemplateContext.dictionary)
        case ObjectIdentifier([[String: String]].self): (value as! [[String: String]]).map(TemplateContext.stringDictionary)
        case ObjectIdentifier([TemplateValues].self): (value as! [TemplateValues]).map(TemplateContext.templateValues)
        case ObjectIdentifier([String].self): (value as! [String]).map { .other($0) }
        case ObjectIdentifier([Int].self): (value as! [Int]).map { .other($0) }
        default: (value as! [Any]).map(TemplateContext.init)
        }
    }
}
