// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "probity",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "probity", targets: ["probity"]),
        .library(name: "ProbityCore", targets: ["ProbityCore"]),
        .library(name: "ProbityServer", targets: ["ProbityServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/leaf.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
    ],
    targets: [
        // The protocol as code: calendars, profiles, rules, policy. No I/O, no Vapor.
        .target(
            name: "ProbityCore",
            dependencies: [.product(name: "Yams", package: "Yams")],
            resources: [.copy("Protocol/Profiles")]
        ),
        // HTTP and storage adapters around ProbityCore.
        .target(
            name: "ProbityServer",
            dependencies: [
                "ProbityCore",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Leaf", package: "leaf"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "probity",
            dependencies: [
                "ProbityServer",
                "ProbityCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ProbityCoreTests", dependencies: ["ProbityCore"]),
        .testTarget(
            name: "ProbityServerTests",
            dependencies: [
                "ProbityServer",
                .product(name: "VaporTesting", package: "vapor"),
            ]
        ),
    ]
)
