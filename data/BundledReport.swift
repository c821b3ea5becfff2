// This file only gives the package a way to find the JSON files beside it; it holds no data.
import Foundation

/// The report shipped with Malkoll and the JSON Schema of the data format.
public enum BundledReport {
    /// File name of the bundled default report.
    public static let reportFileName = "huddinge-kommunstyrelsen-2021-08.json"
    /// File name of the data format's JSON Schema.
    public static let schemaFileName = "malkoll-report.schema.json"

    /// Location of the bundled report, found through the package's resource bundle (not the
    /// current directory), or `nil` when the resources were not installed with the binary.
    public static var reportURL: URL? { Bundle.module.url(forResource: "huddinge-kommunstyrelsen-2021-08", withExtension: "json") }

    /// Location of the JSON Schema.
    public static var schemaURL: URL? { Bundle.module.url(forResource: "malkoll-report.schema", withExtension: "json") }
}
