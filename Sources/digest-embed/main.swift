import Foundation

// The build tool behind the EmbedBuiltIns plugin (see there). Two jobs:
//   digest-embed theme FOLDER OUTPUT    every file below FOLDER as Swift literals
//   digest-embed commit PACKAGE OUTPUT  the commit PACKAGE is checked out at

let arguments = CommandLine.arguments
guard arguments.count == 4 else {
    FileHandle.standardError.write(Data("usage: digest-embed theme|commit INPUT OUTPUT\n".utf8))
    exit(2)
}
let (job, input, output) = (arguments[1], URL(fileURLWithPath: arguments[2]), URL(fileURLWithPath: arguments[3]))

/// A Swift string literal that reads back as exactly `text`.
func literal(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": result += "\\\\"
        case "\"": result += "\\\""
        case "\n": result += "\\n"
        case "\r": result += "\\r"
        case "\t": result += "\\t"
        case _ where scalar.value < 0x20 || scalar.value == 0x7F: result += "\\u{\(String(scalar.value, radix: 16))}"
        default: result.unicodeScalars.append(scalar)
        }
    }
    return result + "\""
}

func themeSource(_ folder: URL) throws -> String {
    let root = folder.resolvingSymlinksInPath().standardizedFileURL
    var texts: [(String, String)] = []
    var encoded: [(String, String)] = []
    let files =
        FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])?
        .compactMap { $0 as? URL } ?? []
    for file in files where (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
        let relative = String(file.resolvingSymlinksInPath().standardizedFileURL.path.dropFirst(root.path.count + 1))
        guard !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
        let bytes = try Data(contentsOf: file)
        // Text stays readable in the generated file; anything that is not UTF-8 goes as base64.
        if let text = String(data: bytes, encoding: .utf8) {
            texts.append((relative, text))
        } else {
            encoded.append((relative, bytes.base64EncodedString()))
        }
    }
    func table(_ entries: [(String, String)]) -> String {
        entries.isEmpty
            ? "[:]"
            : "[\n"
                + entries.sorted { $0.0 < $1.0 }
                .map { "        \(literal($0.0)): \(literal($0.1)),\n" }.joined() + "    ]"
    }
    return """
        // Written by digest-embed from Resources/DefaultTheme at build time; not in the repository.
        extension BuiltInTheme {
            static let texts: [String: String] = \(table(texts))
            static let base64: [String: String] = \(table(encoded))
        }

        """
}

func commitSource(_ package: URL) -> String {
    let git = Process()
    git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    git.arguments = ["git", "-C", package.path, "rev-parse", "--short=12", "HEAD"]
    let pipe = Pipe()
    git.standardOutput = pipe
    git.standardError = FileHandle.nullDevice
    var commit = "unknown"
    if (try? git.run()) != nil {
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        git.waitUntilExit()
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if git.terminationStatus == 0, !trimmed.isEmpty { commit = trimmed }
    }
    return """
        // Written by digest-embed at build time; not in the repository.
        extension DigestVersion {
            public static let commit = \(literal(commit))
        }

        """
}

do {
    let source = job == "theme" ? try themeSource(input) : commitSource(input)
    // Rewritten only when it changed, so an unchanged theme does not recompile DigestKit.
    if (try? String(contentsOf: output, encoding: .utf8)) != source {
        try source.write(to: output, atomically: true, encoding: .utf8)
    }
} catch {
    FileHandle.standardError.write(Data("digest-embed: \(error)\n".utf8))
    exit(1)
}
