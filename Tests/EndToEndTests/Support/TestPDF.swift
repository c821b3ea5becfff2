import Foundation

/// Small PDFs written by the tests themselves, so that no PDF tool but `pdftotext` is needed.
///
/// Why a hand-written PDF and not `enscript | ps2pdf`: enscript is Latin-1 only and the report
/// text has `”` and `≥`; groff's gropdf has no glyph that carries the runs of spaces the text has
/// for empty table cells and images (pdftotext drops space glyphs and prints every gap between
/// words as one space). Here every character is a code of one font whose `/ToUnicode` CMap maps
/// it back to its character, so every character survives the round trip:
///
/// - one line of the text is one line of the page (`Tm` + `Tj`), 8 pt on a 10 pt leading;
/// - a single space between words is the space glyph (pdftotext turns the gap into a space);
///   a run of spaces (two or more, or at the start or end of a line, or a line of spaces only)
///   is one glyph whose ToUnicode string is that run, as a ligature maps to its letters;
/// - an empty line is `blankLineGap` points of extra space (20 by default), which pdftotext
///   prints as a blank line where it starts a new block (not at the top of a page, which the
///   round trip loses); with a small gap, or none, pdftotext prints no blank line at all, as for
///   a PDF whose paragraphs are separated by a little space alone;
/// - pages are A4 and break wherever the next line does not fit, in tables and paragraphs alike,
///   and pdftotext ends each page with a form feed;
/// - every page has a footer, `footer` and the page number (`Kommunstyrelsen | 9`), as the
///   report's pages have.
///
/// The font is Helvetica, not embedded, with 0.4 em for every character: pdftotext needs no
/// outlines, only codes, widths and the CMap.
enum TestPDF {
    struct TooManyCharacters: Error {}

    /// A PDF showing `text` line by line (see the type's comment).
    static func showing(_ text: String, footer: String = "Kommunstyrelsen", blankLineGap: Double = 20) throws -> Data {
        var lines = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        // Codes 1…127 for characters, 128…255 for runs of spaces.
        var characterCodes: [Character: UInt8] = [" ": 1]
        var runCodes: [String: UInt8] = [:]
        for character in Set(lines.joined() + footer + " | 0123456789").sorted() where characterCodes[character] == nil {
            guard characterCodes.count < 127 else { throw TooManyCharacters() }
            characterCodes[character] = UInt8(characterCodes.count + 1)
        }
        func encode(_ line: String) throws -> [UInt8] {
            var codes: [UInt8] = []
            let characters = Array(line)
            var index = 0
            while index < characters.count {
                guard characters[index] == " " else {
                    codes.append(characterCodes[characters[index]] ?? 0)
                    index += 1
                    continue
                }
                var end = index
                while end < characters.count, characters[end] == " " { end += 1 }
                if end - index == 1, index > 0, end < characters.count {
                    codes.append(characterCodes[" "] ?? 0)
                } else {
                    let run = String(repeating: " ", count: end - index)
                    if runCodes[run] == nil {
                        guard runCodes.count < 128 else { throw TooManyCharacters() }
                        runCodes[run] = UInt8(128 + runCodes.count)
                    }
                    codes.append(runCodes[run] ?? 0)
                }
                index = end
            }
            return codes
        }

        let size = 8.0, leading = 10.0, top = 800.0, bottom = 50.0
        var pages: [[(y: Double, codes: [UInt8])]] = [[]]
        var y = top
        for line in lines {
            if line.isEmpty {
                y -= blankLineGap
                continue
            }
            if y < bottom {
                pages.append([])
                y = top
            }
            pages[pages.count - 1].append((y, try encode(line)))
            y -= leading
        }

        var unicode: [(code: UInt8, text: String)] = characterCodes.map { ($0.value, String($0.key)) }
        unicode += runCodes.map { ($0.value, $0.key) }
        unicode.sort { $0.code < $1.code }
        var widths = [Int](repeating: 400, count: 256)
        for (run, code) in runCodes { widths[Int(code)] = 400 * run.count }

        var writer = Writer()
        let catalog = writer.reserve(), pageTree = writer.reserve()
        let cmap = writer.addStream(toUnicodeCMap(unicode))
        let font = writer.add(
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 0 /LastChar 255 /Widths [\(widths.map(String.init).joined(separator: " "))] /ToUnicode \(cmap) 0 R >>")
        var kids: [Int] = []
        for (number, page) in pages.enumerated() {
            var content = "BT /F1 \(Int(size)) Tf\n"
            for line in page {
                content += "1 0 0 1 40 \(Int(line.y)) Tm <\(line.codes.map { hex($0) }.joined())> Tj\n"
            }
            content += "1 0 0 1 480 30 Tm <\(try encode("\(footer) | \(number + 1)").map { hex($0) }.joined())> Tj\n"
            content += "ET"
            let stream = writer.addStream(Data(content.utf8))
            kids.append(writer.add("<< /Type /Page /Parent \(pageTree) 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 \(font) 0 R >> >> /Contents \(stream) 0 R >>"))
        }
        writer.set(catalog, "<< /Type /Catalog /Pages \(pageTree) 0 R >>")
        writer.set(pageTree, "<< /Type /Pages /Kids [\(kids.map { "\($0) 0 R" }.joined(separator: " "))] /Count \(kids.count) >>")
        return writer.document(root: catalog)
    }

    /// A PDF of `pages` pages that each show a grey image and no text, like a scanned report.
    static func imageOnly(pages: Int = 2) -> Data {
        var writer = Writer()
        let catalog = writer.reserve(), pageTree = writer.reserve()
        var pixels = Data()
        for row in 0 ..< 16 { for column in 0 ..< 16 { pixels.append(UInt8((row * 16 + column) % 256)) } }
        let image = writer.addStream(pixels, dictionary: "/Type /XObject /Subtype /Image /Width 16 /Height 16 /ColorSpace /DeviceGray /BitsPerComponent 8")
        var kids: [Int] = []
        for _ in 0 ..< pages {
            let content = writer.addStream(Data("q 500 0 0 700 50 70 cm /Im1 Do Q".utf8))
            kids.append(writer.add("<< /Type /Page /Parent \(pageTree) 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 \(image) 0 R >> >> /Contents \(content) 0 R >>"))
        }
        writer.set(catalog, "<< /Type /Catalog /Pages \(pageTree) 0 R >>")
        writer.set(pageTree, "<< /Type /Pages /Kids [\(kids.map { "\($0) 0 R" }.joined(separator: " "))] /Count \(kids.count) >>")
        return writer.document(root: catalog)
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
    }

    private static func toUnicodeCMap(_ entries: [(code: UInt8, text: String)]) -> Data {
        var lines = [
            "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
            "/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
            "1 begincodespacerange <00> <FF> endcodespacerange",
        ]
        var start = 0
        while start < entries.count {
            let chunk = entries[start ..< min(start + 100, entries.count)]
            lines.append("\(chunk.count) beginbfchar")
            for entry in chunk {
                let utf16 = entry.text.utf16.map { String(format: "%04X", $0) }.joined()
                lines.append("<\(hex(entry.code))> <\(utf16)>")
            }
            lines.append("endbfchar")
            start += 100
        }
        lines.append("endcmap CMapName currentdict /CMap defineresource pop end end")
        return Data(lines.joined(separator: "\n").utf8)
    }

    /// Numbered objects, then the cross-reference table and trailer.
    private struct Writer {
        private var objects: [Data] = []

        mutating func reserve() -> Int {
            objects.append(Data())
            return objects.count
        }

        mutating func set(_ number: Int, _ body: String) {
            objects[number - 1] = Data(body.utf8)
        }

        mutating func add(_ body: String) -> Int {
            objects.append(Data(body.utf8))
            return objects.count
        }

        mutating func addStream(_ data: Data, dictionary: String = "") -> Int {
            var body = Data("<< \(dictionary) /Length \(data.count) >>\nstream\n".utf8)
            body.append(data)
            body.append(Data("\nendstream".utf8))
            objects.append(body)
            return objects.count
        }

        func document(root: Int) -> Data {
            var out = Data("%PDF-1.4\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".utf8)
            var offsets: [Int] = []
            for (index, body) in objects.enumerated() {
                offsets.append(out.count)
                out.append(Data("\(index + 1) 0 obj\n".utf8))
                out.append(body)
                out.append(Data("\nendobj\n".utf8))
            }
            let xref = out.count
            var table = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
            for offset in offsets { table += String(format: "%010d 00000 n \n", offset) }
            table += "trailer\n<< /Size \(objects.count + 1) /Root \(root) 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
            out.append(Data(table.utf8))
            return out
        }
    }
}
