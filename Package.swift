// swift-tools-version: 6.0
import PackageDescription

// Linux (glibc) only: the terminal adapter uses glibc's signal and terminal interfaces, and no
// other platform is built or tested, so none is claimed.

let package = Package(
    name: "Malkoll",
    products: [
        .executable(name: "malkoll", targets: ["malkoll"]),
        .executable(name: "malkoll-bench", targets: ["MalkollBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-algorithms", from: "1.2.1"),
    ],
    targets: [
        // The bundled default report and the format's JSON Schema, shipped as resources.
        .target(
            name: "BundledReport",
            path: "data",
            exclude: ["source"],
            resources: [.copy("huddinge-kommunstyrelsen-2021-08.json"), .copy("malkoll-report.schema.json")]
        ),
        // Model, loading, target parsing, status rule, deviations, audit, summaries. Foundation at most.
        .target(name: "ReportCore"),
        // Report text (as pdftotext leaves it) -> model.
        .target(name: "ReportImport", dependencies: ["ReportCore"]),
        // Pure view layer: grid, widgets, state, update, render, key table. Never touches ncurses.
        .target(name: "ReportBrowser", dependencies: ["ReportCore", .product(name: "Algorithms", package: "swift-algorithms")]),
        .systemLibrary(
            name: "CNcursesw",
            path: "Sources/CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        // The only target that imports the C module.
        .target(name: "TerminalNcurses", dependencies: ["ReportBrowser", "CNcursesw"]),
        .executableTarget(
            name: "malkoll",
            dependencies: [
                "ReportCore", "ReportImport", "ReportBrowser", "TerminalNcurses", "BundledReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Deterministic random numbers and report damage, shared by the benchmarks and the tests.
        .target(name: "MalkollTestSupport"),
        .executableTarget(
            name: "MalkollBench",
            dependencies: [
                "ReportCore", "ReportImport", "ReportBrowser", "BundledReport", "MalkollTestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "ReportCoreTests",
            dependencies: ["ReportCore", "ReportImport", "BundledReport", "MalkollTestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "ReportBrowserTests",
            dependencies: ["ReportBrowser", "ReportCore", "BundledReport"],
            exclude: ["Snapshots"]
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["malkoll"]),
        .testTarget(name: "TerminalNcursesTests", dependencies: ["TerminalNcurses", "ReportBrowser"]),
    ]
)
