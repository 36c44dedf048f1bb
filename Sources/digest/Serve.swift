import ArgumentParser

extension Digest {
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Preview the site with live reload (not built yet).")

        func run() throws {
            throw ValidationError("digest serve is not available yet")
        }
    }
}
