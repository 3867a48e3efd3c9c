import Diagnostics
import Foundation
import Language
import XMLParsing

/// Where hand-overs (`Redirect`, `Gather action`) find the next document.
public protocol DocumentSource: Sendable {
    func document(
        _ reference: String, from file: String, method: HTTPMethod,
        parameters: [(String, String)]
    ) -> Result<CompiledScript, DocumentFailure>
}

public struct DocumentFailure: Error, Sendable {
    public let message: String
    public var diagnostics: [Diagnostic] = []

    public init(message: String, diagnostics: [Diagnostic] = []) {
        self.message = message
        self.diagnostics = diagnostics
    }
}

/// Fetches documents over HTTP for `HandOverDocuments` (the Fetching target
/// implements it; tests and `connexml test` run without one).
public protocol DocumentFetcher: Sendable {
    /// The body of `url`, requested with `method` and the form `parameters`;
    /// a failure says why in words for the trace.
    func fetch(_ url: URL, method: HTTPMethod, parameters: [(String, String)]) -> Result<[UInt8], DocumentFailure>
}

/// No documents: every hand-over ends the call with an error. The engine's
/// default, since it reads no file it was not given (the Fetching target
/// provides `HandOverDocuments`: scenario mappings, local files, HTTP).
public struct NoDocuments: DocumentSource {
    public init() {}

    public func document(
        _ reference: String, from file: String, method: HTTPMethod,
        parameters: [(String, String)]
    ) -> Result<CompiledScript, DocumentFailure> {
        .failure(DocumentFailure(message: "no documents can be loaded here: \(reference) was not"))
    }
}
