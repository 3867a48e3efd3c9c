import Diagnostics
import Testing

@testable import XMLParsing

/// Parses `text`, expecting a document.
func parseDocument(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> ParsedDocument {
    switch XMLParser.parse(Array(text.utf8), file: "test.xml") {
    case .document(let document):
        return document
    case .failure(let diagnostics):
        Issue.record("expected a document, got \(diagnostics)", sourceLocation: sourceLocation)
        throw ParseFailed()
    }
}

/// Parses `text`, expecting exactly one diagnostic.
func parseFailure(
    _ text: String, limits: ParseLimits = .localFile,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws -> Diagnostic {
    try parseFailure(bytes: Array(text.utf8), limits: limits, sourceLocation: sourceLocation)
}

func parseFailure(
    bytes: [UInt8], limits: ParseLimits = .localFile,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws -> Diagnostic {
    switch XMLParser.parse(bytes, file: "test.xml", limits: limits) {
    case .document:
        Issue.record("expected a failure", sourceLocation: sourceLocation)
        throw ParseFailed()
    case .failure(let diagnostics):
        #expect(diagnostics.count == 1, sourceLocation: sourceLocation)
        return diagnostics[0]
    }
}

struct ParseFailed: Error {}

func at(_ line: Int, _ column: Int) -> SourcePosition { SourcePosition(line: line, column: column) }
