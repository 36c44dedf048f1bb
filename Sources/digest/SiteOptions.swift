import ArgumentParser
import Foundation
import Logging

/// Options every command that reads a site shares.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site folder, holding Content/, Templates/ and site.yml.", valueName: "dir"))
    var site: String = "."

    @Flag(name: .shortAndLong, help: "Print only errors.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Print each phase of the work as it starts, with the time so far.")
    var verbose = false

    var siteDirectory: URL {
        URL(fileURLWithPath: site, isDirectory: true).standardizedFileURL
    }

    func makeLogger(label: String) -> Logger {
        var logger = Logger(label: label) { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = quiet ? .error : (verbose ? .debug : .info)
        return logger
    }
}

/// Diagnostics go to standard error as `path:line:column: severity: message`, which editors and
/// CI logs turn into links.
enum DiagnosticPrinter {
    static func print(_ diagnostics: [DigestKitDiagnostic], quiet: Bool) {
        for diagnostic in diagnostics where !(quiet && diagnostic.severity == .warning) {
            FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
        }
    }
}
