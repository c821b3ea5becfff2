// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Malkoll",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "malkoll", targets: ["malkoll"]),
        .executable(name: "malkoll-bench", targets: ["MalkollBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
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
        .target(name: "ReportBrowser", dependencies: ["ReportCore"]),
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
        .executableTarget(
            name: "MalkollBench",
            dependencies: [
                "ReportCore", "ReportBrowser", "BundledReport", "ReportArchive", "ReportSamples",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "ReportCoreTests",
            dependencies: ["ReportCore", "ReportImport", "BundledReport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "ReportBrowserTests",
            dependencies: ["ReportBrowser", "ReportCore", "BundledReport"],
            exclude: ["Snapshots"]
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["malkoll"]),
        .testTarget(
            name: "ReportArchiveTests",
            dependencies: ["ReportArchive", "ReportCore", "ReportSamples", "BundledReport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
    ]
)
