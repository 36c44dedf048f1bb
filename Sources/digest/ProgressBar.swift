import DigestKit
import Foundation
import Synchronization

/// Shows a build's progress on standard error: a bar redrawn in place on a terminal once the
/// build has run for a second (short builds stay quiet), plain lines per phase otherwise.
final class ProgressBar: Sendable {
    private let isTerminal: Bool
    /// Phase lines from the start, however short the build (`--verbose`).
    private let verbose: Bool

    init(verbose: Bool = false) {
        self.verbose = verbose
        isTerminal = !verbose && isatty(STDERR_FILENO) == 1
    }

    private let start = Date()
    private let width = 30

    private struct State {
        var lastDraw = Date.distantPast
        var lastPhase: BuildProgress.Phase?
        var drawn = false
    }

    private let state = Mutex(State())

    func update(_ progress: BuildProgress) {
        state.withLock { state in
            let now = Date()
            if isTerminal {
                guard now.timeIntervalSince(start) > 1, now.timeIntervalSince(state.lastDraw) > 0.1 || progress.done == progress.total
                else { return }
                state.lastDraw = now
                let filled = progress.total == 0 ? width : width * progress.done / progress.total
                let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
                let counts = progress.phase.isCounted ? " \(progress.done)/\(progress.total)" : ""
                write("\r\u{1B}[2K[\(bar)] \(progress.phase.rawValue)\(counts)")
                state.drawn = true
            } else if progress.phase != state.lastPhase, verbose || now.timeIntervalSince(start) > 1 {
                state.lastPhase = progress.phase
                let elapsed = String(format: "%.1f", now.timeIntervalSince(start))
                let counts = progress.phase.isCounted ? " \(progress.total)" : ""
                write("\(progress.phase.rawValue)\(counts)… (\(elapsed) s)\n")
            }
        }
    }

    /// Clears the bar so the summary line starts on a clean line.
    func finish() {
        state.withLock { state in
            if state.drawn { write("\r\u{1B}[2K") }
            state.drawn = false
        }
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
