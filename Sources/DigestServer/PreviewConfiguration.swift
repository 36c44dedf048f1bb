import Foundation

/// How `digest serve` runs.
public struct PreviewConfiguration: Sendable {
    public var siteDirectory: URL
    public var host = "127.0.0.1"
    public var port = 8080
    public var includeDrafts = true
    public var includeFuture = true
    /// Where the preview writes its site: outside the work tree, so `Public/` is not rewritten on
    /// every keystroke.
    public var outputDirectory: URL
    /// How often the inputs are checked for changes when polling.
    public var pollInterval: Duration = .milliseconds(250)
    /// Poll even where the kernel tells of changes (`digest serve --poll`): for folders whose
    /// changes it does not see at once, such as network shares written from another machine.
    public var poll = false

    public init(siteDirectory: URL) {
        self.siteDirectory = siteDirectory.standardizedFileURL
        // One folder per user and site, stable across runs (Swift's hashValue is seeded per process).
        let fnv = siteDirectory.standardizedFileURL.path.utf8.reduce(UInt64(14_695_981_039_346_656_037)) {
            ($0 ^ UInt64($1)) &* 1_099_511_628_211
        }
        let name = "digest-preview-\(getuid())-\(String(fnv % 1_000_000_007, radix: 36))"
        self.outputDirectory = FileManager.default.temporaryDirectory.appendingPathComponent(name).appendingPathComponent("site")
    }

    /// True for 127.0.0.0/8, ::1 and localhost: only this machine can connect.
    public var isLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
