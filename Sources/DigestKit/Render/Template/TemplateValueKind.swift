import Mustache

/// The value kinds Digest's view models hand to templates, told apart by exact type: one
/// comparison of type identities instead of a protocol cast. A kind's behaviour is the one
/// swift-mustache gives values of that type.
enum TemplateValueKind {
    case string, int, bool
    case dictionary, stringDictionary, templateValues, shared, listItem
    case lazyHTML
    /// An array of one of the element types below.
    case list
    /// Anything else: read through swift-mustache's protocols.
    case other

    private static let string_ = ObjectIdentifier(String.self)
    private static let int_ = ObjectIdentifier(Int.self)
    private static let bool_ = ObjectIdentifier(Bool.self)
    private static let dictionary_ = ObjectIdentifier([String: Any].self)
    private static let stringDictionary_ = ObjectIdentifier([String: String].self)
    private static let templateValues_ = ObjectIdentifier(TemplateValues.self)
    private static let shared_ = ObjectIdentifier(SharedContext.self)
    private static let listItem_ = ObjectIdentifier(ListItem.self)
    private static let lazyHTML_ = ObjectIdentifier(LazyHTML.self)
    private static let lists: Set<ObjectIdentifier> = [
        ObjectIdentifier([Any].self), ObjectIdentifier([String].self), ObjectIdentifier([[String: Any]].self),
        ObjectIdentifier([[String: String]].self), ObjectIdentifier([SharedContext].self), ObjectIdentifier([ListItem].self),
        ObjectIdentifier([TemplateValues].self), ObjectIdentifier([Int].self),
    ]

    init(_ value: Any) {
        let type = ObjectIdentifier(Swift.type(of: value))
        self =
            if type == Self.string_ {
                .string
            } else if type == Self.dictionary_ {
                .dictionary
            } else if type == Self.shared_ {
                .shared
            } else if type == Self.listItem_ {
                .listItem
            } else if type == Self.bool_ {
                .bool
            } else if type == Self.int_ {
                .int
            } else if type == Self.templateValues_ {
                .templateValues
            } else if type == Self.stringDictionary_ {
                .stringDictionary
            } else if type == Self.lazyHTML_ {
                .lazyHTML
            } else if Self.lists.contains(type) {
                .list
            } else {
                .other
            }
    }

    /// Whether `value` is of a kind read directly: none of them has a custom representation.
    static func isKnown(_ value: Any) -> Bool {
        if case .other = TemplateValueKind(value) { return false }
        return true
    }
}
