import Foundation
import Testing

@testable import DigestKit

/// A full build records each file's stamp as it wrote the file, not by stamping the new output
/// again: those stamps must be the files' own once the output is in place, or the next build
/// takes every file for altered and renders it again.
@Suite struct ManifestStampTests {
    @Test(arguments: [false, true])
    func aFullBuildRecordsTheStampsTheOutputHas(overExistingOutput: Bool) throws {
        let site = try IncrementalBuildTests.makeSite()
        defer { site.remove() }
        if overExistingOutput { try IncrementalBuildTests.cachedBuild(site) }
        let summary = try site.build {
            $0.useCache = true
            $0.clean = true
        }
        #expect(!summary.incremental)
        let cache = try #require(BuildCache.load(from: site.root, generator: GeneratorIdentity.current))
        let output = try #require(OpenFolder(site.output.path))
        for (file, record) in cache.files {
            #expect(FileStamp(file, in: output) == record.stamp, "\(file)")
        }
    }
}
