extension BuildCache {
    /// The check a rebuild makes of the output this cache describes, started at once beside
    /// the build. `asLeft` takes the output to be exactly as the last build left it, without a
    /// look at it (`BuildSession.ownsItsOutput`).
    func outputCheck(of writer: SiteWriter, asLeft: Bool) -> OutputCheck {
        if asLeft { return OutputCheck(asLeftWith: Array(files.keys), folders: folders) }
        return OutputCheck(
            output: writer.output.path, files: Array(files.keys), stamps: files.values.map(\.stamp), folders: folders,
            statedAtNanoseconds: foldersStatedAtNanoseconds, walk: { writer.previousFiles() })
    }
}
