// swift-tools-version:6.0
import PackageDescription

// Times the conflict check (Sources/ProbityCore/Registers): a committee of 15 against 20,000
// declarations on a 12-item agenda. Depends on the main package by path and builds only
// ProbityCore (and Yams) from it, not the server. Run in release mode:
//   swift run -c release
let package = Package(
    name: "ConflictCheckBenchmark",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "probity", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "ConflictCheckBenchmark",
            dependencies: [.product(name: "ProbityCore", package: "probity")]
        ),
    ]
)
