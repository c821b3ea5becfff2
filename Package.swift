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
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
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
        // The archive: many reports in one SQLite database (GRDB). The view layer never imports it.
        .target(name: "ReportArchive", dependencies: ["ReportCore", .product(name: "GRDB", package: "GRDB.swift")]),
        // Generated reports (labelled as such) built from the bundled one, for tests and benchmarks.
        .target(name: "ReportSamples", dependencies: ["ReportCore", "BundledReport"]),
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
                "ReportCore", "ReportImport", "ReportBrowser", "TerminalNcurses", "BundledReport", "ReportArchive",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Deterministic random numbers and report damage, shared by the benchmarks and the tests.
        .target(name: "MalkollTestSupport"),
        .executableTarget(
            name: "MalkollBench",
            dependencies: [
                "ReportCore", "ReportImport", "ReportBrowser", "BundledReport", "MalkollTestSupport", "ReportArchive", "ReportSamples",
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
            dependencies: ["ReportBrowser", "ReportCore", "ReportSamples", "BundledReport"],
            exclude: ["Snapshots"]
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["malkoll"]),
        .testTarget(name: "TerminalNcursesTests", dependencies: ["TerminalNcurses", "ReportBrowser"]),
        .testTarget(
            name: "ReportArchiveTests",
            dependencies: ["ReportArchive", "ReportCore", "ReportSamples", "BundledReport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
    ]
)
