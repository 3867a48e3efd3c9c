import Diagnostics
import Foundation
import Language
import Synchronization
import XMLParsing

/// Where hand-overs (`Redirect`, `Gather action`) find the next document.
public protocol DocumentSource: Sendable {
    func document(_ reference: String, from file: String, method: HTTPMethod,
                  parameters: [(String, String)]) -> Result<CompiledScript, DocumentFailure>
}

public struct DocumentFailure: Error, Sendable {
    public let message: String
    public var diagnostics: [Diagnostic] = []

    public init(message: String, diagnostics: [Diagnostic] = []) {
        self.message = message
        self.diagnostics = diagnostics
    }
}

/// Documents from the scenario's `documents` mappings (which win), then
/// local files: a relative path or `file:` URL resolves against the folder
/// of the document that hands over. Each file is compiled once and kept.
/// `http(s)://` documents are not fetched here (that is a later issue): the
/// call ends with a clear error unless the scenario maps the URL.
public final class LocalDocuments: DocumentSource {
    private let mappings: [String: String]
    private let mappingFolder: String
    private let cache = Mutex<[String: CompiledScript]>([:])

    public init(mappings: [String: String] = [:], folder: String = ".") {
        self.mappings = mappings
        self.mappingFolder = folder
    }

    public func document(_ reference: String, from file: String, method: HTTPMethod,
                         parameters: [(String, String)]) -> Result<CompiledScript, DocumentFailure> {
        let path: String
        if let mapped = mappings[reference] {
            path = Self.resolve(mapped, against: mappingFolder)
        } else if reference.hasPrefix("http://") || reference.hasPrefix("https://") {
            return .failure(DocumentFailure(message: "fetching \(reference) over HTTP is not supported yet; map it under documents: in the scenario"))
        } else if let scheme = URLText.scheme(of: reference), scheme != "file" {
            return .failure(DocumentFailure(message: "'\(scheme):' documents cannot be fetched"))
        } else {
            let local = reference.hasPrefix("file://") ? String(reference.dropFirst(7))
                : reference.hasPrefix("file:") ? String(reference.dropFirst(5)) : reference
            path = Self.resolve(local, against: (file as NSString).deletingLastPathComponent)
        }
        if let cached = cache.withLock({ $0[path] }) { return .success(cached) }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(DocumentFailure(message: "cannot read \(path)"))
        }
        switch CompiledScript.compile(bytes: [UInt8](data), file: path) {
        case .failure(let failure):
            return .failure(DocumentFailure(message: "\(path) is not a valid ConneXML document", diagnostics: failure.diagnostics))
        case .success(let compiled):
            cache.withLock { $0[path] = compiled }
            return .success(compiled)
        }
    }

    static func resolve(_ path: String, against folder: String) -> String {
        path.hasPrefix("/") || folder.isEmpty ? path : (folder as NSString).appendingPathComponent(path)
    }
}
