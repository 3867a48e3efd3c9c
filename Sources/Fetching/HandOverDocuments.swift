import Engine
import Foundation
import Language
import Synchronization
import XMLParsing

/// The documents hand-overs (`Redirect`, `Gather action`) lead to, found in
/// order: the scenario's `documents` mappings (which
/// always win, so regression tests never need the network); `http(s)://`
/// URLs, fetched when a fetcher is given; local files — a relative path or
/// `file:` URL resolving against the folder of the document that hands over.
/// A document that came over HTTP resolves relative references against its
/// URL and may not hand over to local files. Local files are compiled once
/// and kept; fetched documents are fetched every time (servers answer each
/// call differently).
public final class HandOverDocuments: DocumentSource {
    private let mappings: [String: String]
    private let mappingFolder: String
    private let fetcher: (any DocumentFetcher)?
    private let cache = Mutex<[String: CompiledScript]>([:])

    public init(mappings: [String: String] = [:], folder: String = ".", fetcher: (any DocumentFetcher)? = nil) {
        self.mappings = mappings
        self.mappingFolder = folder
        self.fetcher = fetcher
    }

    public func document(
        _ reference: String, from file: String, method: HTTPMethod,
        parameters: [(String, String)]
    ) -> Result<CompiledScript, DocumentFailure> {
        if let mapped = mappings[reference] { return local(Self.resolve(mapped, against: mappingFolder)) }
        let fromWeb = Self.isWeb(file)
        // A relative reference in a fetched document is relative to its URL.
        let absolute =
            fromWeb && URLText.scheme(of: reference) == nil
            ? URL(string: reference, relativeTo: URL(string: file))?.absoluteString ?? reference : reference
        if let mapped = mappings[absolute] { return local(Self.resolve(mapped, against: mappingFolder)) }
        if Self.isWeb(absolute) {
            guard let fetcher else {
                return .failure(
                    DocumentFailure(
                        message:
                            "\(absolute) would be fetched over HTTP, which is off here; map it under documents: in the scenario"))
            }
            guard let url = URL(string: absolute), url.host != nil else {
                return .failure(DocumentFailure(message: "'\(absolute)' is not a valid URL"))
            }
            switch fetcher.fetch(url, method: method, parameters: parameters) {
            case .failure(let failure): return .failure(failure)
            case .success(let bytes):
                switch CompiledScript.compile(bytes: bytes, file: absolute, limits: .fetched) {
                case .failure(let failure):
                    return .failure(
                        DocumentFailure(
                            message: "\(absolute) did not answer with a valid ConneXML document",
                            diagnostics: failure.diagnostics))
                case .success(let compiled): return .success(compiled)
                }
            }
        }
        if let scheme = URLText.scheme(of: reference), scheme != "file" {
            return .failure(DocumentFailure(message: "'\(scheme):' documents cannot be fetched: only http, https and file exist"))
        }
        if fromWeb {
            return .failure(
                DocumentFailure(message: "a document fetched over HTTP may not hand over to the local file '\(reference)'"))
        }
        return local(Self.localPath(of: reference, from: file))
    }

    /// The file a local hand-over from `file` names: a relative path or a
    /// `file:` URL resolves against the folder of `file` (`run`, and the
    /// graph, which draws what `run` would read).
    public static func localPath(of reference: String, from file: String) -> String {
        let path =
            reference.hasPrefix("file://")
            ? String(reference.dropFirst(7))
            : reference.hasPrefix("file:") ? String(reference.dropFirst(5)) : reference
        return resolve(path, against: (file as NSString).deletingLastPathComponent)
    }

    private func local(_ path: String) -> Result<CompiledScript, DocumentFailure> {
        if let cached = cache.withLock({ $0[path] }) { return .success(cached) }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(DocumentFailure(message: "cannot read \(path)"))
        }
        switch CompiledScript.compile(bytes: [UInt8](data), file: path) {
        case .failure(let failure):
            return .failure(
                DocumentFailure(message: "\(path) is not a valid ConneXML document", diagnostics: failure.diagnostics))
        case .success(let compiled):
            cache.withLock { $0[path] = compiled }
            return .success(compiled)
        }
    }

    static func isWeb(_ reference: String) -> Bool { reference.hasPrefix("http://") || reference.hasPrefix("https://") }

    static func resolve(_ path: String, against folder: String) -> String {
        path.hasPrefix("/") || folder.isEmpty ? path : (folder as NSString).appendingPathComponent(path)
    }
}
