import Foundation

/// A parsed JSON file that remembers where every value came from.
///
/// `JSONDocument(data:file:)` parses (RFC 8259, UTF-8) and reports syntax errors with their
/// line, column and JSON path; `decode(_:)` runs a type's `Decodable` conformance over the tree and
/// reports every failure the same way (`expected a string, found a number`,
/// `missing required field "title"`, `expected one of: higherIsBetter, lowerIsBetter; found "up"`).
///
/// Unknown fields are errors (see `decode(_:allowUnknownFields:)` for the policy). Duplicate keys
/// in an object are syntax errors. Nesting is limited to `maximumDepth` levels.
public struct JSONDocument: Sendable {
    /// A 1-based line and column; the column counts characters (grapheme clusters) of its line.
    public struct Location: Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var column: Int
        public init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }
        public var description: String { "\(line):\(column)" }
    }

    /// How deeply arrays and objects may nest.
    public static let maximumDepth = JSONParser.defaultMaximumDepth

    /// The file name used in messages.
    public let file: String
    let data: Data
    let nodes: [JSONNode]
    let lineStarts: [UInt32]

    /// Parses `data` (UTF-8 JSON); `file` is the name messages give.
    public init(data: Data, file: String) throws(ReportLoadError) {
        self.file = file
        self.data = data
        let result: Result<(nodes: [JSONNode], lineStarts: [UInt32]), JSONSyntaxError> = data.withUnsafeBytes { bytes in
            do throws(JSONSyntaxError) {
                return .success(try JSONParser.parse(bytes))
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .success(let parsed):
            nodes = parsed.nodes
            lineStarts = parsed.lineStarts
        case .failure(let error):
            throw ReportLoadError(file: file, path: error.path.description, line: error.location.line, column: error.location.column, message: error.message)
        }
    }

    /// Runs `body` with the tree's memory pinned.
    func withTree<R>(_ body: (JSONTreeView) throws -> R) rethrows -> R {
        try data.withUnsafeBytes { bytes in
            try nodes.withUnsafeBufferPointer { nodes in
                try lineStarts.withUnsafeBufferPointer { lines in
                    try body(JSONTreeView(bytes: bytes, nodes: nodes, lineStarts: lines))
                }
            }
        }
    }

    /// Where the value at a JSON path (as printed in errors, e.g. `goalAreas[0].title`) begins,
    /// or `nil` when the path leads nowhere. `""` is the root.
    public func location(ofPath path: String) -> Location? {
        guard let parsed = JSONPath(parsing: path) else { return nil }
        return location(of: parsed)
    }

    func location(of path: JSONPath) -> Location? {
        withTree { tree in tree.node(at: path).map { tree.location(ofNode: $0) } }
    }

    /// A located error for a path in this document; the location is that of the deepest value
    /// along the path that exists.
    func error(at path: JSONPath, _ message: String) -> ReportLoadError {
        let location = withTree { tree in tree.location(ofNode: tree.deepestNode(along: path)) }
        return ReportLoadError(file: file, path: path.description, line: location.line, column: location.column, message: message)
    }

    /// Decodes a value of type `T` from the whole document.
    ///
    /// **Unknown fields are errors.** After `T` has been decoded, every key of every object that was
    /// decoded as a keyed container must have been asked for by the decoding code (through
    /// `decode`, `decodeIfPresent`, `contains` or a nested container). A key that nobody asked for
    /// is reported as `unknown field "milestonTarget"; did you mean "milestoneTarget"?`, located at
    /// the key, with a suggestion when a field of that object is within two edits of it. This way a
    /// misspelt optional field never silently drops data. Keys below an unknown key are not looked
    /// at. Pass `allowUnknownFields: true` to skip the check (e.g. for reading a newer file leniently).
    public func decode<T: Decodable>(_ type: T.Type = T.self, allowUnknownFields: Bool = false) throws(ReportLoadError) -> T {
        let outcome: Result<T, ReportLoadError> = withTree { tree in
            let state = DecodingState(tree: tree)
            do {
                let value = try state.decodeValue(T.self, at: 0)
                if !allowUnknownFields, let unknown = state.firstUnknownField() {
                    return .failure(makeError(tree, node: unknown.node, atKey: true, message: unknown.message))
                }
                return .success(value)
            } catch let failure as JSONDecodingFailure {
                return .failure(makeError(tree, node: failure.node, atKey: failure.atKey, message: failure.message))
            } catch let error as DecodingError {
                let (node, message) = state.translate(error, decoding: nil, at: 0)
                return .failure(makeError(tree, node: node, atKey: false, message: message))
            } catch {
                return .failure(makeError(tree, node: 0, atKey: false, message: "\(error)"))
            }
        }
        return try outcome.get()
    }

    private func makeError(_ tree: JSONTreeView, node: Int, atKey: Bool, message: String) -> ReportLoadError {
        let location = atKey ? tree.location(ofKey: node) : tree.location(ofNode: node)
        return ReportLoadError(file: file, path: tree.path(to: node).description, line: location.line, column: location.column, message: message)
    }
}
