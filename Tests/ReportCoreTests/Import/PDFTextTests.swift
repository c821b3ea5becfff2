import Foundation
import ReportImport
import Testing

/// The PDF layer's own rules: detection by content, form feeds to a line → page map.
@Suite struct PDFTextTests {
    @Test func aPDFIsRecognisedByItsHeaderNotByItsName() {
        #expect(PDFText.isPDF(Data("%PDF-1.7\n%âãÏÓ\n1 0 obj".utf8)))
        // Readers accept a header after some junk within the first 1024 bytes.
        #expect(PDFText.isPDF(Data(String(repeating: " ", count: 100).utf8) + Data("%PDF-1.4".utf8)))
        #expect(!PDFText.isPDF(Data(String(repeating: " ", count: 1100).utf8) + Data("%PDF-1.4".utf8)))
        #expect(!PDFText.isPDF(Data("Sammanfattning\nNämndmål\n".utf8)))
        #expect(!PDFText.isPDF(Data()))
    }

    @Test func aFileIsRecognisedByItsFirstBytes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("malkoll-pdftext-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("rapport.txt"), text = folder.appendingPathComponent("rapport.pdf")
        try Data("%PDF-1.4\n".utf8).write(to: pdf)
        try Data("Sammanfattning\n".utf8).write(to: text)
        #expect(PDFText.isPDF(fileAt: pdf))
        #expect(!PDFText.isPDF(fileAt: text))
        #expect(!PDFText.isPDF(fileAt: folder.appendingPathComponent("none.pdf")))
    }

    @Test func formFeedsAreTakenOutAndEachLineKeepsItsPage() {
        // pdftotext: every page ends with a blank line and a form feed; page 3 is an image.
        let extracted = ExtractedText(pdftotextOutput: "Rubrik\nText.\n\n\u{0C}Ny rubrik\n\n\u{0C}\u{0C}Sista\n\n\u{0C}")
        #expect(extracted.text == "Rubrik\nText.\n\nNy rubrik\n\nSista\n\n")
        #expect(extracted.pageOfLine == [1, 1, 1, 2, 2, 4, 4])
        #expect(extracted.pageCount == 4)
        #expect(extracted.page(ofLine: 4) == 2)
        #expect(extracted.page(ofLine: 6) == 4)
        #expect(extracted.page(ofLine: 8) == nil)
        #expect(extracted.place(ofLine: 6, in: "rapport.pdf") == "rapport.pdf:p4")
        #expect(extracted.place(ofLine: nil, in: "rapport.pdf") == "rapport.pdf")
    }

    @Test func aSentenceGoingOnAcrossAPageBreakIsNotSplitByTheBlankLineOfThePageEnd() {
        let extracted = ExtractedText(pdftotextOutput: "Kostnaderna för\n\n\u{0C}projektet beräknas.\n\n\u{0C}Nästa stycke\n\n\u{0C}")
        #expect(extracted.text == "Kostnaderna för\nprojektet beräknas.\n\nNästa stycke\n\n")
        #expect(extracted.pageOfLine == [1, 2, 2, 3, 3])
    }

    @Test func aFooterAtThePageEndDoesNotSplitTheSentenceEither() {
        let extracted = ExtractedText(pdftotextOutput: "Kostnaderna för\n\nKommunstyrelsen | 9\n\n\u{0C}projektet beräknas.\n\nKommunstyrelsen | 10\n\n\u{0C}Nästa\n\n\u{0C}")
        #expect(extracted.text == "Kostnaderna för\nKommunstyrelsen | 9\nprojektet beräknas.\n\nKommunstyrelsen | 10\n\nNästa\n\n")
        #expect(extracted.pageOfLine == [1, 1, 2, 2, 2, 2, 3, 3])
    }

    @Test func aLastLineWithoutLineBreakStillCounts() {
        let extracted = ExtractedText(pdftotextOutput: "a\nb")
        #expect(extracted.text == "a\nb\n")
        #expect(extracted.pageOfLine == [1, 1])
        #expect(extracted.pageCount == 1)
    }

    @Test func everyFailureIsOneLine() {
        let failures: [PDFTextError] = [
            .toolMissing, .timedOut(seconds: 1.5), .unreadable(status: 1, detail: "Syntax Error: Couldn't find trailer dictionary"),
            .unreadable(status: 99, detail: nil), .noText(pages: 1), .notUTF8, .cannotStart("Permission denied"),
        ]
        for failure in failures {
            #expect(!failure.description.contains("\n"))
        }
        #expect(PDFTextError.toolMissing.description.contains("Debian package poppler-utils"))
        #expect(PDFTextError.timedOut(seconds: 1.5).description.contains("within 1.5 s"))
        #expect(PDFTextError.noText(pages: 1).description.contains("in 1 page;"))
    }
}
