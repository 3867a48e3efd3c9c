import Engine
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Language

/// How far a fetch may go. Documented in docs/running.md ("Fetching documents").
public struct FetchLimits: Sendable {
    /// Seconds for the whole request, connecting, redirects and body
    /// included: a deadline, however often the server sends a little.
    public var timeout: Double = 10
    /// The largest answer read, as declared (`Content-Length`), as sent and
    /// once decoded; a document fetched over HTTP may be at most 64 KiB (what
    /// TwiML platforms accept).
    public var maximumBytes = 64 << 10
    /// HTTP redirects followed for one request.
    public var maximumRedirects = 5
    /// When set, only these hosts are contacted.
    public var allowedHosts: Set<String>?

    public init() {}
}

/// Fetches documents and delivers status callbacks over HTTP, the way
/// TwiML platforms call a customer's web server: the verb's method, form
/// parameters (query string for GET, form body for POST), a timeout, a size
/// limit, a redirect limit, and an optional list of allowed hosts.
public final class HTTPFetcher: DocumentFetcher, CallbackSender {
    public let limits: FetchLimits

    public init(limits: FetchLimits = FetchLimits()) { self.limits = limits }

    public func fetch(_ url: URL, method: HTTPMethod, parameters: [(String, String)]) -> Result<[UInt8], DocumentFailure> {
        switch request(url, method: method, parameters: parameters, wantsXML: true) {
        case .success(let body): return .success(body)
        case .failure(let failure): return .failure(DocumentFailure(message: failure.message))
        }
    }

    public func send(_ callback: StatusCallback) -> String? {
        guard let url = URL(string: callback.url) else { return "'\(callback.url)' is not a valid URL" }
        if case .failure(let failure) = request(url, method: callback.method, parameters: callback.parameters, wantsXML: false) {
            return failure.message
        }
        return nil
    }

    struct Failure: Error {
        let message: String
    }

    /// One request, to completion, on this thread.
    func request(_ url: URL, method: HTTPMethod, parameters: [(String, String)], wantsXML: Bool) -> Result<[UInt8], Failure> {
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", let host = url.host else {
            return .failure(Failure(message: "\(url.absoluteString) is not an http(s) URL"))
        }
        if let allowed = limits.allowedHosts, !allowed.contains(host) {
            return .failure(Failure(message: "\(host) is not an allowed host (allowed: \(allowed.sorted().joined(separator: ", ")))"))
        }
        var request: URLRequest
        let form = Self.formEncoded(parameters)
        if method == .GET {
            var components = URLComponents(url: url, resolvingAgainstBaseURL: false)
            let query = components?.percentEncodedQuery
            if !form.isEmpty { components?.percentEncodedQuery = (query.map { $0 + "&" } ?? "") + form }
            request = URLRequest(url: components?.url ?? url)
        } else {
            request = URLRequest(url: url)
            request.httpBody = Data(form.utf8)
            request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        }
        request.httpMethod = method.rawValue
        request.setValue("connexml", forHTTPHeaderField: "User-Agent")
        if wantsXML { request.setValue("text/xml, application/xml", forHTTPHeaderField: "Accept") }
        // Instead of libcurl's "deflate, gzip, br, zstd": servers then answer
        // uncompressed, so Content-Length is the size that counts. libcurl
        // still decodes a server that compresses anyway; HTTPExchange holds
        // that answer to the limit on its decoded bytes.
        request.setValue("identity", forHTTPHeaderField: "Accept-Encoding")

        let deadline = DispatchTime.now() + limits.timeout
        let exchange = HTTPExchange(limits: limits)
        // FoundationNetworking's own timeout is an idle timeout, restarted by
        // every byte read (a server sending one byte a second never reaches
        // it) and in whole seconds; the deadline below is what ends a slow
        // answer, so this one is set past it.
        let idle = limits.timeout.rounded(.up) + 1
        request.timeoutInterval = idle
        let started = request
        // Starting (and cancelling) a task waits for the one queue all of
        // FoundationNetworking's sessions share, which an answer refused
        // earlier may still hold (see HTTPExchange): done on another thread,
        // so that nothing but the deadline decides how long this one waits.
        DispatchQueue.global().async {
            let configuration = URLSessionConfiguration.ephemeral
            configuration.timeoutIntervalForRequest = idle
            configuration.timeoutIntervalForResource = idle
            let session = URLSession(configuration: configuration, delegate: exchange, delegateQueue: InlineDelegateQueue())
            session.dataTask(with: started).resume()
            exchange.whenOver { session.invalidateAndCancel() }
        }
        guard exchange.wait(until: deadline) else {
            let late = "did not answer within \(Self.seconds(limits.timeout))"
            exchange.expire(late)
            return .failure(Failure(message: "\(url.absoluteString) \(late)"))
        }
        return exchange.outcome(for: url, wantsXML: wantsXML)
    }

    /// `a=1&b=x%20y`, names and values percent-encoded for a form.
    static func formEncoded(_ parameters: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        func encode(_ s: String) -> String { s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s }
        return parameters.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
    }

    static func seconds(_ n: Double) -> String { n == n.rounded() ? "\(Int(n)) s" : "\(n) s" }
}
