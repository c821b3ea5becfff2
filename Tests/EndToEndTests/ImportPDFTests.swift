import Foundation
import Testing

/// `malkoll import FILE.pdf`: a PDF made here from the repository's source text (see `TestPDF`),
/// read through the real `pdftotext` (poppler-utils, installed by scripts/ensure-deps).
@Suite struct ImportPDFTests {
    var sourceText: URL { MalkollBinary.sourceText }
    var overlay: URL { MalkollBinary.sourceOverlay }
    func temporaryFolder() throws -> URL { try MalkollBinary.temporaryFolder("pdf") }

    /// The report's PDF, written into `folder`.
    func reportPDF(in folder: URL, named name: String = "rapport.pdf") throws -> URL {
        let url = folder.appendingPathComponent(name)
        try TestPDF.showing(try String(contentsOf: sourceText, encoding: .utf8)).write(to: url)
        return url
    }

    func nonEmptyLines(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }

    @Test func importsThePDFWithEveryIndicatorUppdragTableRowAndControlOfTheBundledReport() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = try reportPDF(in: folder)
        let output = folder.appendingPathComponent("imported.json")
        let kept = folder.appendingPathComponent("rapport.txt")
        let result = try MalkollBinary.run(["import", pdf.path, "--overlay", overlay.path, "--output", output.path, "--keep-text", kept.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        // Diagnostics name the PDF and a page, never a line of the extracted text.
        #expect(result.stderr.contains("\(pdf.path):p23: warning: the process label \"Upphandlingsprocessen\""), "\(result.stderr)")
        for line in nonEmptyLines(result.stderr) {
            #expect(line.hasPrefix("\(pdf.path):p") || line.hasPrefix("\(pdf.path): "), "\(line)")
        }

        let importedCheck = try MalkollBinary.run(["check", output.path, "--format", "json"])
        let bundledCheck = try MalkollBinary.run(["check", "--format", "json"])
        #expect(importedCheck.status == 1)
        #expect(importedCheck.stdout == bundledCheck.stdout)
        for table in ["indicators", "assignments", "operations", "net-cost", "covid", "investments", "urban-development", "internal-control"] {
            let imported = try MalkollBinary.run(["export", output.path, "--table", table, "--format", "json"])
            var bundled = try MalkollBinary.run(["export", "--table", table, "--format", "json"]).stdout
            if table == "assignments" {
                // pdftotext joins a line ending in a hyphen to the next one without the hyphen
                // (dehyphenation, no option turns it off): the source's "VR-" + "utbildning".
                #expect(bundled.contains("VR-utbildning"))
                bundled = bundled.replacingOccurrences(of: "VR-utbildning", with: "VRutbildning")
            }
            #expect(imported.status == 0)
            #expect(imported.stdout == bundled, "export of \(table) differs")
        }
    }

    @Test func everyCharacterOfTheSourceSurvivesThePDFWhilePageBreaksAndBlankLinesDoNot() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = try reportPDF(in: folder)
        let kept = folder.appendingPathComponent("kept.txt")
        let result = try MalkollBinary.run(["import", pdf.path, "--keep-text", kept.path, "--output", folder.appendingPathComponent("r.json").path])
        #expect(result.status == 0, "\(result.stderr)")
        let source = try String(contentsOf: sourceText, encoding: .utf8)
        let text = try String(contentsOf: kept, encoding: .utf8)
        // The text written is the text imported: no form feeds left, a footer on every page.
        #expect(!text.contains("\u{0C}"))
        #expect(text.contains("\nKommunstyrelsen | 2\n") && text.contains("\nKommunstyrelsen | 20\n"))
        // The same characters in the same order, but for white space and the hyphens pdftotext
        // takes out at line ends: å, ä, ö, é, §, ”, ≥ and all.
        let visible: (String) -> String = { text in
            // Footers (the PDF's, and the one the source text kept) left out.
            let body = text.components(separatedBy: "\n").filter { $0.range(of: #"^\s*Kommunstyrelsen \| \d+\s*$"#, options: .regularExpression) == nil }
            return String(body.joined().unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) && $0 != "-" })
        }
        #expect(visible(text) == visible(source))
        #expect(Set(text.filter { !$0.isWhitespace }) == Set(source.filter { !$0.isWhitespace }))
        for character in ["å", "ä", "ö", "Å", "Ä", "Ö", "é", "§", "”", "≥"] {
            #expect(text.contains(character), "\(character) lost")
        }
        // What the round trip does change: the text has more than one page (the diagnostics
        // name several), and blank and white-space-only lines differ from the source.
        let pages = Set(result.stderr.split(separator: "\n").compactMap { line -> Substring? in
            guard let range = line.range(of: ".pdf:p") else { return nil }
            return line[range.upperBound...].prefix { $0.isNumber }
        })
        #expect(pages.count > 5)
        let blank: (String) -> Int = { $0.components(separatedBy: "\n").filter { $0.allSatisfy(\.isWhitespace) }.count }
        #expect(blank(text) != blank(source))
        #expect(text != source)
    }

    @Test func aPDFIsRecognisedByItsContentWhateverItsName() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = try reportPDF(in: folder, named: "rapport.txt")
        let result = try MalkollBinary.run(["import", pdf.path, "--output", folder.appendingPathComponent("r.json").path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("\(pdf.path):p"))
    }

    @Test func aScannedPDFWithImagesOnlyGivesOneLineAndExitTwo() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("skannad.pdf")
        try TestPDF.imageOnly(pages: 2).write(to: pdf)
        let result = try MalkollBinary.run(["import", pdf.path])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(nonEmptyLines(result.stderr) == ["malkoll: \(pdf.path): the PDF has no text in 2 pages; a scanned report (pages as images) needs OCR before it can be imported"])
    }

    @Test func aTruncatedPDFGivesOneLineAndExitTwo() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let whole = try TestPDF.showing(try String(contentsOf: sourceText, encoding: .utf8))
        let pdf = folder.appendingPathComponent("avbruten.pdf")
        try whole.prefix(whole.count / 2).write(to: pdf)
        let output = folder.appendingPathComponent("r.json")
        let result = try MalkollBinary.run(["import", pdf.path, "--output", output.path])
        #expect(result.status == 2)
        let lines = nonEmptyLines(result.stderr)
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("malkoll: \(pdf.path): pdftotext cannot read this PDF, it is damaged, truncated or protected") == true, "\(lines)")
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func aFileNamedPDFThatIsNotOneGivesOneLineAndExitTwo() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The report's text under a PDF's name: not read as text either.
        let fake = folder.appendingPathComponent("rapport.PDF")
        try FileManager.default.copyItem(at: sourceText, to: fake)
        let result = try MalkollBinary.run(["import", fake.path])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(nonEmptyLines(result.stderr) == ["malkoll: \(fake.path): named .pdf but not a PDF (it does not start with %PDF-)"])
    }

    @Test func withoutPdftotextOneLineNamesTheDebianPackage() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = try reportPDF(in: folder)
        let emptyPath = folder.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: emptyPath, withIntermediateDirectories: true)
        let result = try MalkollBinary.run(["import", pdf.path], environment: ["PATH": emptyPath.path])
        #expect(result.status == 2)
        let lines = nonEmptyLines(result.stderr)
        #expect(lines.count == 1)
        #expect(lines.first?.contains("pdftotext") == true)
        #expect(lines.first?.contains("Debian package poppler-utils") == true, "\(lines)")
    }

    @Test func aPdftotextThatHangsIsStoppedAtTheTimeLimit() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = try reportPDF(in: folder)
        let bin = folder.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        // A stand-in that never finishes (exec, so that killing it leaves no child holding the pipes).
        let hanging = bin.appendingPathComponent("pdftotext")
        try "#!/bin/sh\nexec sleep 600\n".write(to: hanging, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hanging.path)
        let result = try MalkollBinary.run(["import", pdf.path, "--pdf-timeout", "1"], environment: ["PATH": "\(bin.path):/usr/bin:/bin"])
        #expect(result.status == 2)
        #expect(nonEmptyLines(result.stderr) == ["malkoll: \(pdf.path): pdftotext did not finish within 1 s and was stopped; the PDF may be damaged or very large"])
    }

    /// `--keep-text` (like `--output`) replaces a file atomically, but through a link it replaces
    /// the file the link points to, and a device is written into, never replaced by a file.
    @Test func keepTextWritesThroughALinkAndIntoADeviceWithoutReplacingEither() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = try reportPDF(in: folder)
        let target = folder.appendingPathComponent("target.txt"), link = folder.appendingPathComponent("link.txt")
        try "old".write(to: target, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        let result = try MalkollBinary.run(["import", pdf.path, "--keep-text", link.path, "--output", folder.appendingPathComponent("r.json").path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path)
        #expect(try String(contentsOf: target, encoding: .utf8).hasPrefix("Sammanfattning\nNämndmål\n"))

        let device = try MalkollBinary.run(["import", pdf.path, "--keep-text", "/dev/null", "--output", "/dev/null"])
        #expect(device.status == 0, "\(device.stderr)")
        #expect(try FileManager.default.attributesOfItem(atPath: "/dev/null")[.type] as? FileAttributeType == .typeCharacterSpecial)
    }

    @Test func aTimeLimitThatIsNoTimeIsRefused() throws {
        for value in ["0", "nan", "inf"] {
            let result = try MalkollBinary.run(["import", sourceText.path, "--pdf-timeout", value])
            #expect(result.status == 2)
            #expect(result.stderr.contains("--pdf-timeout must be a number of seconds"), "\(value): \(result.stderr)")
        }
    }

    @Test func aTextFileIsImportedAsBeforeAndKeepTextWritesItUnchanged() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let kept = folder.appendingPathComponent("kept.txt")
        let result = try MalkollBinary.run(["import", sourceText.path, "--keep-text", kept.path, "--output", folder.appendingPathComponent("r.json").path])
        #expect(result.status == 0)
        #expect(result.stderr.contains("\(sourceText.path):1392: warning: the process label \"Upphandlingsprocessen\""))
        #expect(try Data(contentsOf: kept) == Data(contentsOf: sourceText))
    }

    /// A PDF's text can lose every blank line (text in one flow); the importer must then answer
    /// with a report or one line, not crash (it trapped on a range in the internal-control part).
    @Test func aTextWithoutAnyBlankLineGivesAReportOrOneLineButNoCrash() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOf: sourceText, encoding: .utf8)
            .components(separatedBy: "\n").filter { !$0.allSatisfy(\.isWhitespace) }.joined(separator: "\n")
        let file = folder.appendingPathComponent("utan-tomrader.txt")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let result = try MalkollBinary.run(["import", file.path, "--output", folder.appendingPathComponent("r.json").path])
        #expect(result.status == 0 || result.status == 2, "exit \(result.status): \(result.stderr.suffix(400))")
        #expect(!result.stderr.contains("Fatal error"))
    }

    /// A PDF whose paragraphs are separated by a little space (10 pt) or none: `pdftotext` prints
    /// next to no blank lines (one at the end of a page), so the importer reads the structure
    /// from other cues (README, "When blank lines are lost"). Everything the bundled report's
    /// tables, lists and check carry still comes out the same.
    @Test(arguments: [0.0, 10.0])
    func aPDFWithoutBlankLinesImportsWithEveryIndicatorUppdragTableRowAndControl(blankLineGap: Double) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("utan-tomrader.pdf")
        try TestPDF.showing(try String(contentsOf: sourceText, encoding: .utf8), blankLineGap: blankLineGap).write(to: pdf)
        let output = folder.appendingPathComponent("imported.json")
        let kept = folder.appendingPathComponent("kept.txt")
        let result = try MalkollBinary.run(["import", pdf.path, "--overlay", overlay.path, "--output", output.path, "--keep-text", kept.path])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try String(contentsOf: kept, encoding: .utf8).components(separatedBy: "\n")
        let blank = lines.filter { $0.allSatisfy(\.isWhitespace) }.count
        #expect(blank * 20 < lines.count - blank, "\(blank) blank lines of \(lines.count): the PDF kept its blank lines")
        #expect(!result.stderr.contains("expected a printed status"), "\(result.stderr)")
        #expect(!result.stderr.contains("no top-level section"), "\(result.stderr)")

        let importedCheck = try MalkollBinary.run(["check", output.path, "--format", "json"])
        let bundledCheck = try MalkollBinary.run(["check", "--format", "json"])
        #expect(importedCheck.stdout == bundledCheck.stdout)
        for table in ["indicators", "assignments", "operations", "net-cost", "covid", "investments", "urban-development", "internal-control"] {
            let imported = try MalkollBinary.run(["export", output.path, "--table", table, "--format", "json"])
            var bundled = try MalkollBinary.run(["export", "--table", table, "--format", "json"]).stdout
            if table == "assignments" {
                bundled = bundled.replacingOccurrences(of: "VR-utbildning", with: "VRutbildning")
            }
            #expect(imported.status == 0)
            #expect(imported.stdout == bundled, "export of \(table) differs")
        }
    }
}

