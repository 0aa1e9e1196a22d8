// swift-tools-version:6.0
import PackageDescription

// Times WorkingCalendar's due-date arithmetic. Depends on the main package by path and
// builds only ProbityCore (and Yams) from it, not the server. Run in release mode:
//   swift run -c release
let package = Package(
    name: "CalendarBenchmark",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "probity", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "CalendarBenchmark",
            dependencies: [.product(name: "ProbityCore", package: "probity")]
        ),
    ]
)
