// swift-tools-version:6.2
// Digest builds on Linux (Debian/Ubuntu) only: it links Debian's cmark-gfm, xxHash and jemalloc
// (scripts/install-deps installs them) and calls Glibc directly.
import PackageDescription

let package = Package(
    name: "Digest",
    products: [
        .executable(name: "digest", targets: ["digest"]),
        .library(name: "DigestKit", targets: ["DigestKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        // No default traits: the preview server needs neither TLS nor HTTP/2, and this saves build time.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: []),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket.git", from: "2.8.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        // Test-only: property-based fuzz tests in DigestKitTests/Hardening.
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // XXH3, the hash behind StableHasher (build cache keys, page fingerprints).
        .systemLibrary(name: "CXXHash", pkgConfig: "libxxhash", providers: [.apt(["libxxhash-dev"])]),
        .target(
            name: "DigestKit",
            dependencies: [
                "CCmarkGFM",
                "CXXHash",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // The default theme is compiled in by EmbedBuiltIns, not shipped as a resource bundle,
            // so a `digest` copied alone has it. The sample site's Templates/ is a link to it.
            exclude: ["Resources/DefaultTheme"],
            plugins: ["EmbedBuiltIns"]
        ),
        .plugin(name: "EmbedBuiltIns", capability: .buildTool(), dependencies: ["digest-embed"]),
        .executableTarget(name: "digest-embed"),
        .target(
            name: "DigestServer",
            dependencies: [
                "DigestKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "digest",
            dependencies: [
                "DigestKit",
                "DigestServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // jemalloc in place of glibc's malloc, as Swift servers on Linux are built: a build
            // allocates a lot, and is faster with it (docs/performance.md). scripts/install-deps
            // installs Debian's libjemalloc-dev.
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]
        ),
        // The core's tests do not depend on the server, so they build and run without Hummingbird.
        .testTarget(
            name: "DigestKitTests",
            dependencies: [
                "DigestKit",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Fixtures"]
        ),
        // Runs the built `digest` executable as a user would; needs no library of its own.
        .testTarget(name: "DigestCLITests"),
        .testTarget(
            name: "DigestServerTests",
            // A real server on 127.0.0.1, a raw HTTP client and Hummingbird's WebSocket client
            // for the live-reload channel.
            dependencies: [
                "DigestServer",
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
            ]
        ),
    ]
)
