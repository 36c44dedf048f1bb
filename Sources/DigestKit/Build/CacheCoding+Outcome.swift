/// An article's parse in the build cache: its diagnostics, then its header and the body's
/// facts the cache keeps (no HTML and no links: the build makes them again from the source
/// when a page shows them). The header and the keys are written by `CacheEncoder`, so they
/// follow their types' fields.
extension BuildCache {
    static func write(_ outcome: ArticleParser.Outcome, to encoder: CacheEncoder) throws {
        encoder.writer.write(outcome.diagnostics.count)
        for diagnostic in outcome.diagnostics {
            encoder.writer.write(diagnostic.severity == .error)
            encoder.writer.write(diagnostic.file)
            encoder.writer.write(diagnostic.line)
            encoder.writer.write(diagnostic.column)
            encoder.writer.write(diagnostic.message)
            encoder.writer.write(diagnostic.hint)
        }
        encoder.writer.write(outcome.article != nil)
        guard let article = outcome.article else { return }
        // The article's path is its key in the bucket, written once.
        try encoder.encode(article.header)
        encoder.writer.write(article.quoteLines)
        encoder.writer.write(article.sourceSize)
        encoder.writer.write(article.sourceHash)
        try encoder.encode(article.keys ?? ArticleKeys(article))
    }

    /// `path`: the bucket's key for the outcome, the path of its article.
    static func readOutcome(_ decoder: CacheDecoder, path sourcePath: String) throws -> ArticleParser.Outcome {
        let diagnostics = try decoder.reader.list { reader in
            Diagnostic(
                try reader.bool() ? .error : .warning, file: try reader.string(), line: try reader.optionalInt(),
                column: try reader.optionalInt(), message: try reader.string(), hint: try reader.optionalString())
        }
        guard try decoder.reader.bool() else { return ArticleParser.Outcome(article: nil, diagnostics: diagnostics) }
        // The header's bytes here are what `ArticleHeader.fingerprint` hashes: hashing them where
        // they lie spares encoding the header again.
        let headerStart = decoder.reader.offset
        let header = try decoder.decode(ArticleHeader.self)
        let headerFingerprint = decoder.reader.hash(headerStart..<decoder.reader.offset)
        // The body is made again from the source by the build that uses it (`Pipeline.lazilyBodied`).
        let article = Article(
            sourcePath: sourcePath, header: header, body: ArticleBody(), bodyLinks: nil,
            quoteLines: try decoder.reader.ints(), sourceSize: try decoder.reader.int(),
            sourceHash: try decoder.reader.uint64(), keys: try decoder.decode(ArticleKeys.self),
            headerFingerprint: headerFingerprint)
        return ArticleParser.Outcome(article: article, diagnostics: diagnostics)
    }
}
