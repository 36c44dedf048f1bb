/// The files of the output a build left as they were, for the commit that removes the rest:
/// counted, and asked about one by one, as a rebuild keeps nearly every file and gathering
/// them all into a set showed.
public struct KeptFiles: Sendable {
    public let count: Int
    /// The last build's recorded files that are not kept, when the caller knows them: the
    /// commit then asks only about those, not about every recorded file.
    public let recordedNotKept: [String]?
    private let member: @Sendable (String) -> Bool

    public init(count: Int, recordedNotKept: [String]? = nil, contains member: @escaping @Sendable (String) -> Bool) {
        self.count = count
        self.recordedNotKept = recordedNotKept
        self.member = member
    }

    public init(_ files: Set<String>) {
        self.init(count: files.count) { files.contains($0) }
    }

    public func contains(_ file: String) -> Bool { member(file) }
}
