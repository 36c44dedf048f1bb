import Foundation
import Synchronization

/// What a process that builds the same site again and again (the preview server) keeps of its
/// last build: the build cache as a save would leave it, held in memory instead of written to
/// the site folder and decoded again. A rebuild with a session updates its output in place, as
/// `digest build` does with the cache on disk.
///
/// The site folder's own cache (`.digest-cache/`) is left alone: it describes `Public/`, and a
/// session's builds usually write elsewhere with other settings (drafts, future articles). A
/// session may keep its records in a folder of its own between runs of the process instead
/// (`savedIn`), so that the next run starts with a rebuild rather than a full build.
public final class BuildSession: Sendable {
    private struct State {
        /// Made on another thread after the build that left them.
        var cache: Background<BuildCache>?
        var outputAsLeft = false
        /// Whether the records saved by an earlier run were looked for.
        var lookedForSaved = false
    }

    /// The last build's settings and compiled templates, and the reading of the inputs they
    /// were made from: a rebuild after an article's edit finds `Templates/` and `site.yml` as
    /// they were, and need not read and compile them again.
    private struct Prepared {
        var inputs: InputStamps
        var pipeline: Pipeline
    }

    /// Whether the output is this process's alone (the preview's folder outside the work
    /// tree), so that a rebuild may take it to be as the last build left it instead of
    /// stamping each of its files to find those altered by someone else.
    public let ownsItsOutput: Bool
    /// Where `save()` leaves the records, and the first build looks for them.
    public let savedIn: URL?
    private let state = Mutex(State())
    private let prepared = Mutex<Prepared?>(nil)

    public init(ownsItsOutput: Bool = false, savedIn: URL? = nil) {
        self.ownsItsOutput = ownsItsOutput
        self.savedIn = savedIn
    }

    /// The last build's records for a new build, and whether its output may be taken on trust.
    /// Only until a build starts: one that fails on the way may have changed some files, so
    /// the output is checked again until a build succeeds.
    ///
    /// The first build takes the records an earlier run saved, if any: the output was not
    /// this process's while no process ran, so it is checked.
    func take() -> (cache: BuildCache?, outputAsLeft: Bool) {
        let (cache, outputAsLeft, lookForSaved) = state.withLock { state in
            defer {
                state.outputAsLeft = false
                state.lookedForSaved = true
            }
            return (state.cache, state.outputAsLeft, !state.lookedForSaved)
        }
        if cache == nil, lookForSaved, let savedIn {
            return (BuildCache.load(from: savedIn, generator: GeneratorIdentity.current), false)
        }
        return (cache?.value, outputAsLeft)
    }

    /// Leaves the last build's records in `savedIn` for the next run of the process, as
    /// `digest build` leaves its cache; nothing without a build or a folder.
    public func save() throws {
        guard let savedIn, let cache = state.withLock({ $0.cache }) else { return }
        try cache.value.save(in: savedIn)
    }

    /// The records of a build that succeeded; its output is as it left it.
    func remember(_ cache: Background<BuildCache>) {
        state.withLock { $0 = State(cache: cache, outputAsLeft: ownsItsOutput) }
    }

    /// The last build's pipeline when `inputs` finds the templates and `site.yml` as that
    /// build's reading did, else `prepare`'s (kept when it succeeds, with `inputs`). Without a
    /// reading, always `prepare`'s.
    func pipeline(for inputs: InputStamps?, prepare: () throws(BuildFailure) -> Pipeline) throws(BuildFailure) -> Pipeline {
        guard let inputs else { return try prepare() }
        if let last = prepared.withLock({ $0 }), last.inputs.hasSameSettings(as: inputs) { return last.pipeline }
        let pipeline = try prepare()
        prepared.withLock { $0 = Prepared(inputs: inputs, pipeline: pipeline) }
        return pipeline
    }
}
