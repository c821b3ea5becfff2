import Foundation
import Testing
@testable import ReportCore

private func document(_ text: String) throws(ReportLoadError) -> JSONDocument {
    try JSONDocument(data: Data(text.utf8), file: "t.json")
}

/// The error for `text` decoded as `T`, as its one-line description.
private func failure<T: Decodable>(_ type: T.Type, _ text: String) -> String? {
    do {
        _ = try document(text).decode(T.self)
        return nil
    } catch {
        return error.description
    }
}

private struct Point: Codable, Equatable {
    var x: Int
    var y: Int
    var label: String?
}

private struct Big: Codable {
    var small: Int8
    var unsigned: UInt
    var value: Int
    var ratio: Double
}

@Suite("The JSON document")
struct JSONDocumentTests {
    @Test("decodes integers exactly, including the extremes of Int")
    func integersDecodeExactly() throws {
        let values = try document("[9223372036854775807, -9223372036854775808, 0, -0, 9007199254740993]").decode([Int].self)
        #expect(values == [Int.max, Int.min, 0, 0, 9_007_199_254_740_993])
    }

    @Test("reports an integer too large for Int at its location")
    func integerOverflow() {
        #expect(failure([Int].self, "[1,\n 9223372036854775808]") == "t.json:2:2: at [1]: integer 9223372036854775808 does not fit in Int (largest is 9223372036854775807)")
        #expect(failure(Big.self, #"{"small": -129, "unsigned": 1, "value": 1, "ratio": 1}"#) == "t.json:1:11: at small: integer -129 does not fit in Int8 (smallest is -128)")
        #expect(failure(Big.self, #"{"small": 1, "unsigned": -1, "value": 1, "ratio": 1}"#) == "t.json:1:26: at unsigned: integer -1 does not fit in UInt (smallest is 0)")
        #expect(failure(Big.self, #"{"small": 1, "unsigned": 1, "value": 1.5, "ratio": 1}"#) == "t.json:1:38: at value: expected an integer, found 1.5")
        #expect(failure(Big.self, #"{"small": 1, "unsigned": 1, "value": 1, "ratio": 1e999}"#) == "t.json:1:50: at ratio: number 1e999 is out of range for Double")
    }

    @Test("decodes strings with escapes and surrogate pairs")
    func stringEscapes() throws {
        let values = try document(#"["a\"b\\c\/d\b\f\n\r\t", "\u00e5\u00E4", "\ud83d\ude00", "plain åäö", ""]"#).decode([String].self)
        #expect(values == ["a\"b\\c/d\u{8}\u{c}\n\r\t", "åä", "😀", "plain åäö", ""])
    }

    @Test("counts columns in characters, not bytes")
    func columnsCountCharacters() {
        #expect(failure([String].self, "[\"åäö\", \"👍🏽\", x]") == "t.json:1:14: at [2]: expected a JSON value, found 'x'")
    }

    @Test("turns null for an optional into nil and refuses null for a required field")
    func nullHandling() throws {
        #expect(try document(#"{"x": 1, "y": 2, "label": null}"#).decode(Point.self) == Point(x: 1, y: 2, label: nil))
        #expect(failure(Point.self, #"{"x": 1, "y": null}"#) == #"t.json:1:15: at y: expected an integer, found null; "y" is a required field"#)
        #expect(failure([Int].self, "[1, null]") == "t.json:1:5: at [1]: expected an integer, found null")
    }

    @Test("names a missing field at its object and hints at a misspelling")
    func missingField() {
        #expect(failure(Point.self, #"{"x": 1}"#) == #"t.json:1:1: at (root): missing required field "y""#)
        #expect(failure(Point.self, #"{"x": 1, "yy": 2}"#) == #"t.json:1:1: at (root): missing required field "y" (is "yy" a misspelling of it?)"#)
    }

    @Test("reports unknown fields with a suggestion, unless they are allowed")
    func unknownFields() throws {
        #expect(failure(Point.self, #"{"x": 1, "y": 2, "lable": "a"}"#) == #"t.json:1:18: at lable: unknown field "lable"; did you mean "label"?"#)
        #expect(failure(Point.self, #"{"x": 1, "y": 2, "colour": "red"}"#) == #"t.json:1:18: at colour: unknown field "colour" (fields of this object: x, y, label)"#)
        #expect(try document(#"{"x": 1, "y": 2, "colour": "red"}"#).decode(Point.self, allowUnknownFields: true) == Point(x: 1, y: 2))
    }

    @Test("reports a duplicate key at both of its places")
    func duplicateKeys() {
        #expect(failure(Point.self, "{\"x\": 1,\n \"x\": 2}") == #"t.json:2:2: at (root): duplicate key "x"; it is first used at 1:2"#)
        // Escapes do not hide a duplicate, and large objects are checked too.
        #expect(failure(Point.self, #"{"x": 1, "\u0078": 2}"#) == #"t.json:1:10: at (root): duplicate key "x"; it is first used at 1:2"#)
        let members = (0 ..< 100).map { "\"k\($0)\": \($0)" }.joined(separator: ", ")
        #expect(failure([String: Int].self, "{\(members), \"k7\": 0}")?.hasSuffix(#"duplicate key "k7"; it is first used at 1:65"#) == true)
    }

    @Test("accepts nesting up to the limit and refuses deeper nesting without overflowing the stack")
    func nestingLimit() throws {
        let depth = JSONDocument.maximumDepth
        _ = try document(String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
        let deep = String(repeating: "[", count: 100_000)
        do {
            _ = try document(deep)
            Issue.record("deep nesting parsed")
        } catch {
            #expect(error.line == 1)
            #expect(error.column == depth + 1)
            #expect(error.message == "nesting is deeper than \(depth) levels")
        }
    }

    @Test("reports syntax errors with the path of the value being read")
    func syntaxErrors() {
        let cases: [(String, String)] = [
            ("", "t.json:1:1: at (root): the file is empty; expected a JSON value"),
            ("  \n ", "t.json:2:2: at (root): unexpected end of file; expected a JSON value"),
            (#"{"a": [1, 2,]}"#, "t.json:1:12: at a: trailing comma before ']'"),
            (#"{"a": 1,}"#, "t.json:1:8: at (root): trailing comma before '}'"),
            (#"{"a": 1} x"#, "t.json:1:10: at (root): unexpected 'x' after the end of the JSON value"),
            (#"{"a" 1}"#, #"t.json:1:6: at (root): expected ':' after the key "a", found '1'"#),
            (#"{"a": [1 2]}"#, "t.json:1:10: at a: expected ',' or ']' after an array element, found '2'"),
            (#"{"a": tru}"#, "t.json:1:7: at a: invalid literal; expected true"),
            (#"{"a": 01}"#, "t.json:1:7: at a: a number cannot start with a leading zero"),
            (#"{"a": -x}"#, "t.json:1:8: at a: expected a digit after '-', found 'x'"),
            (#"{"a": 1.}"#, "t.json:1:9: at a: expected a digit after the decimal point"),
            (#"{"a": "x\qy"}"#, #"t.json:1:9: at a: invalid escape '\q'; valid escapes are \" \\ \/ \b \f \n \r \t and \uXXXX"#),
            (#"{"a": "\u12G4"}"#, #"t.json:1:8: at a: invalid escape: \u must be followed by four hexadecimal digits"#),
            (#"{"a": "\ud800x"}"#, #"t.json:1:8: at a: lone surrogate: the high surrogate \ud800 must be followed by a low surrogate escape (\uDC00 to \uDFFF)"#),
            (#"{"a": "\udc00"}"#, #"t.json:1:8: at a: lone surrogate: the low surrogate \udc00 has no high surrogate before it"#),
            ("{\"a\": \"tab\there\"}", "t.json:1:11: at a: control character U+0009 must be escaped in a string"),
            ("{\"a\": \"open\n}", "t.json:1:7: at a: unterminated string: a line break before its closing '\"' (write \\n for a line break inside a string)"),
            ("{\"a\": \"open", "t.json:1:7: at a: unterminated string: the file ends before its closing '\"'"),
            (#"{"a": [{"b": 1"#, "t.json:1:15: at a[0]: unexpected end of file; expected ',' or '}'"),
            ("{\"a\": NaN}", "t.json:1:7: at a: expected a JSON value, found 'N'"),
            ("{\"a\":\u{00A0}1}", "t.json:1:6: at a: expected a JSON value, found character U+00A0"),
        ]
        for (text, expected) in cases {
            #expect(failure([String: Int].self, text) == expected, "\(text)")
        }
    }

    @Test("reports invalid UTF-8 with its byte offset")
    func invalidUTF8() {
        var bytes = Array("{\"a\": \"åx".utf8)
        bytes.append(0xFF)
        bytes.append(contentsOf: Array("\"}".utf8))
        do {
            _ = try JSONDocument(data: Data(bytes), file: "t.json")
            Issue.record("invalid UTF-8 parsed")
        } catch {
            #expect(error.description == "t.json:1:10: at a: invalid UTF-8: byte 0xFF at byte offset 10 does not begin a valid UTF-8 sequence")
        }
    }

    @Test("finds the location of a path")
    func locationOfPath() throws {
        let doc = try document("{\n  \"a\": [\n    {\"b\": true},\n    {\"c d\": null}\n  ]\n}")
        #expect(doc.location(ofPath: "") == .init(line: 1, column: 1))
        #expect(doc.location(ofPath: "a") == .init(line: 2, column: 8))
        #expect(doc.location(ofPath: "a[0].b") == .init(line: 3, column: 11))
        #expect(doc.location(ofPath: "a[1][\"c d\"]") == .init(line: 4, column: 13))
        #expect(doc.location(ofPath: "a[2]") == nil)
        #expect(doc.location(ofPath: "a.b") == nil)
    }

    @Test("lists the allowed values of an enumeration that gets a wrong one")
    func enumerationValues() {
        #expect(failure([Direction].self, #"["higherIsBetter", "up"]"#) == #"t.json:1:20: at [1]: expected one of: higherIsBetter, lowerIsBetter; found "up""#)
        #expect(failure([Direction].self, "[3]") == "t.json:1:2: at [0]: expected one of: higherIsBetter, lowerIsBetter; found a number")
        #expect(failure([ReportedStatusBasis].self, #"["guessed"]"#) == #"t.json:1:2: at [0]: expected one of: stated, inferredFromSummary; found "guessed""#)
    }

    @Test("suggests fields within two edits")
    func editDistance() {
        #expect(FieldSuggestion.closest(to: "milestonTarget", among: ["milestoneTarget", "longTermTarget"]) == "milestoneTarget")
        #expect(FieldSuggestion.closest(to: "naem", among: ["name", "note"]) == "name")
        #expect(FieldSuggestion.closest(to: "colour", among: ["label", "role"]) == nil)
    }
}
