import Foundation

/// Names the program doing the build, for the build cache: pages made by another build of
/// Digest may differ, so its cache is not used. The executable's size and modification time
/// change with every build of Digest, with no version number to forget to bump.
enum GeneratorIdentity {
    static let current: String = {
        guard let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() else { return "unknown" }
        var info = stat()
        guard stat(executable.path, &info) == 0 else { return executable.path }
        return "\(executable.path) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }()
}
