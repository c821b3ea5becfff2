import BundledReport
import Foundation

/// Finds the bundled report through the package's resource bundle, never the current directory.
enum BundledReportLocator {
    static var url: URL? { BundledReport.reportURL }
}
