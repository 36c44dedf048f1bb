/// A template that cannot be compiled, with where in its text.
struct TemplateError: Error, Equatable {
    enum Kind: Error, Equatable, CustomStringConvertible {
        /// The text ended inside a tag (or within a delimiter's length of its end).
        case overflow
        case sectionCloseNameIncorrect
        case unfinishedName
        case expectedSectionEnd
        case invalidSetDelimiter
        case transformAppliedToInheritanceSection
        case illegalTokenInsideInheritSection
        case invalidConfigVariableSyntax
        case unrecognisedConfigVariable

        /// The names swift-mustache gives the same errors, which Digest's messages have shown
        /// until now (`docs/errors.md` quotes them).
        var description: String {
            switch self {
            case .overflow: "overflow"
            case .sectionCloseNameIncorrect: "sectionCloseNameIncorrect"
            case .unfinishedName: "unfinishedName"
            case .expectedSectionEnd: "expectedSectionEnd"
            case .invalidSetDelimiter: "invalidSetDelimiter"
            case .transformAppliedToInheritanceSection: "transformAppliedToInheritanceSection"
            case .illegalTokenInsideInheritSection: "illegalTokenInsideInheritSection"
            case .invalidConfigVariableSyntax: "invalidConfigVariableSyntax"
            case .unrecognisedConfigVariable: "unrecognisedConfigVariable"
            }
        }
    }

    var kind: Kind
    /// 1-based, counted where the parser stopped.
    var line: Int
    var column: Int
    /// The text of that line.
    var lineText: String
}
