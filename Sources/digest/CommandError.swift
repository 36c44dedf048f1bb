/// A failure to report as `Error: message` without the usage text that `ValidationError` adds:
/// the command line was right, the situation was not.
struct CommandError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
