import Synchronization

/// What a process that builds the same site again and again (the preview server) keeps of its
/// last build: the build cache as a save would leave it, held in memory instead of written to
/// the site folder and decoded again. A rebuild with a session updates its output in place, as
/// `digest build` does with the cache on disk.
///
/// The site folder's own cache (`.digest-cache/`) is left alone: it describes `Public/`, and a
/// session's builds usually write elsewhere with other settings (drafts, future articles).
public final class BuildSession: Sendable {
    private struct State {
        /// Made on another thread after the build that left them.
        var cache: Background<BuildCache>?
        var outputAsLeft = false
    }

    /// The last templates compiled, and from what: a rebuild after an article's edit finds
    /// the same texts and strings, and compiling them again was a tenth of its time.
    private struct Compiled {
        var sources: [String: String]
        var strings: UInt64
        var templates: TemplateSet
    }

    /// Whether the output is this process's alone (the preview's folder outside the work
    /// tree), so that a rebuild may take it to be as the last build left it instead of
    /// stamping each of its files to find those altered by someone else.
    public let ownsItsOutput: Bool
    private let state = Mutex(State())
    private let compiled = Mutex<Compiled?>(nil)

    public init(ownsItsOutput: Bool = false) {
        self.ownsItsOutput = ownsItsOutput
    }

    /// The last build's records for a new build, and whether its output may be taken on trust.
    /// Only until a build starts: one that fails on the way may have changed some files, so
    /// the output is checked again until a build succeeds.
    func take() -> (cache: BuildCache?, outputAsLeft: Bool) {
        let (cache, outputAsLeft) = state.withLock { state in
            defer { state.outputAsLeft = false }
            return (state.cache, state.outputAsLeft)
        }
        return (cache?.value, outputAsLeft)
    }

    /// The records of a build that succeeded; its output is as it left it.
    func remember(_ cache: Background<BuildCache>) {
        state.withLock { $0 = State(cache: cache, outputAsLeft: ownsItsOutput) }
    }

    /// `sources` compiled with `strings`: the last templates when both are the same, else
    /// `compile`'s (kept when it succeeds).
    func templates(
        _ sources: [String: String], strings: Localizations, compile: () -> Result<TemplateSet, BuildFailure>
    ) -> Result<TemplateSet, BuildFailure> {
        if let last = compiled.withLock({ $0 }), last.strings == strings.fingerprint, last.sources == sources {
            return .success(last.templates)
        }
        let result = compile()
        if case let .success(templates) = result {
            compiled.withLock { $0 = Compiled(sources: sources, strings: strings.fingerprint, templates: templates) }
        }
        return result
    }
}
