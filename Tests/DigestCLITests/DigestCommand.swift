import Foundation
import Testing

/// The `digest` executable, run as a user runs it: a copy alone in a temporary folder (no
/// resource bundle or source tree beside it), with the site in another.
struct DigestCommand {
    struct Outcome {
        var status: Int32
        var output: String
        var errors: String
    }

    /// The executable `swift build` put beside the test bundle.
    static let built: URL = {
        let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [folder, folder.deletingLastPathComponent()].map { $0.appendingPathComponent("digest") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }()

    let executable: URL
    let workFolder: URL

    /// Copies the executable alone into a fresh folder.
    init() throws {
        workFolder = FileManager.default.temporaryDirectory.appendingPathComponent("digest-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: workFolder.appendingPathComponent("bin"), withIntermediateDirectories: true)
        #expect(FileManager.default.isExecutableFile(atPath: Self.built.path), "build digest first: swift build --build-tests")
        executable = workFolder.appendingPathComponent("bin/digest")
        try FileManager.default.copyItem(at: Self.built, to: executable)
    }

    /// Runs `digest arguments…` in the work folder and waits for it.
    @discardableResult
    func run(_ arguments: String..., input: String? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = workFolder
        let (output, errors) = (Pipe(), Pipe())
        process.standardOutput = output
        process.standardError = errors
        let stdin = Pipe()
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        // Read both pipes before waiting: a full pipe would block the program.
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self),
            errors: String(decoding: errData, as: UTF8.self))
    }

    func path(_ relative: String) -> URL { workFolder.appendingPathComponent(relative) }

    func write(_ relative: String, _ text: String) throws {
        let url = path(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func remove() {
        try? FileManager.default.removeItem(at: workFolder)
    }
}
