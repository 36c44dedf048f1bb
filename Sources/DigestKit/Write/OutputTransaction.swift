/// Files on their way into the output folder: staged from any thread, then committed together,
/// or abandoned with the output left as it was.
public protocol OutputTransaction: Sendable {
    /// Stages one file; true when the output already holds these bytes.
    func stage(_ file: OutputFile) throws -> Bool
    /// Makes the staged files the output. `kept` lists files of the output this build left as
    /// they were, which must stay; `report.removed` gets the number of files removed.
    func commit(kept: KeptFiles, report: inout SiteWriter.Report) throws
    func abandon()
    /// Waits for what `commit` left running: the old output's removal, which a build overlaps
    /// with saving its cache. Must be called before the next build into the same output.
    func finish()
}

extension OutputTransaction {
    public func finish() {}
}

extension SiteWriter.StagingArea: OutputTransaction {
    /// A full build keeps nothing from the old output: every file was staged anew.
    public func commit(kept: KeptFiles, report: inout SiteWriter.Report) throws {
        precondition(kept.count == 0, "a full build stages every file")
        try commit(report: &report)
    }
}

extension SiteWriter.Update: OutputTransaction {}
