import Engine
import Foundation
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
/// parameters (query string for GET, form body for POST), a deadline, a size
/// limit, a redirect limit, and an optional list of allowed hosts.
///
/// Through libcurl, loaded at the first fetch (HTTPExchange.swift), one hop
/// at a time: every redirect's target is checked (scheme, allowed host,
/// count) before anything connects to it, and a redirect's body is never
/// read.
public final class HTTPFetcher: DocumentFetcher, CallbackSender {
    public let limits: FetchLimits
    /// The libcurl to load instead of the system's (a test's missing one).
    let libcurlPath: String?

    public init(limits: FetchLimits = FetchLimits()) {
        self.limits = limits
        libcurlPath = nil
    }

    init(limits: FetchLimits, libcurlPath: String?) {
        self.limits = limits
        self.libcurlPath = libcurlPath
    }

    public func fetch(_ url: URL, method: HTTPMethod, parameters: [(String, String)]) -> Result<[UInt8], DocumentFailure> {
        switch request(url, method: method, parameters: parameters, wantsXML: true) {
        case .success(let body): return .success(body)
        case .failure(let failure): return .failure(DocumentFailure(message: failure.message))
        }
    }

    public func send(_ callback: CallbackRequest) throws(HTTPFailure) {
        guard let url = URL(string: callback.url) else { throw HTTPFailure(.invalidURL, "'\(callback.url)' is not a valid URL") }
        if case .failure(let failure) = request(url, method: callback.method, parameters: callback.parameters, wantsXML: false) {
            throw failure
        }
    }

    /// One request, redirects and all, to completion, on this thread.
    func request(_ url: URL, method: HTTPMethod, parameters: [(String, String)], wantsXML: Bool) -> Result<
        [UInt8], HTTPFailure
    > {
        let name = url.absoluteString
        func failure(_ kind: HTTPFailure.Kind, _ message: String) -> Result<[UInt8], HTTPFailure> {
            .failure(HTTPFailure(kind, message))
        }
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", let host = url.host else {
            return failure(.invalidURL, "\(name) is not an http(s) URL")
        }
        if !isAllowed(host) { return failure(.hostNotAllowed, "\(host) is not an allowed host (allowed: \(allowedList))") }
        let curl: LibCurl
        switch libcurlPath.map({ LibCurl.load($0) }) ?? LibCurl.system {
        case .success(let loaded): curl = loaded
        case .failure(let why): return failure(.libcurlUnavailable, "\(name): \(why.message)")
        }
        let form = Self.formEncoded(parameters)
        let isPost = method == .POST
        // The host libcurl would connect to is checked again, as libcurl
        // reads the URL (Foundation's reading could differ).
        guard let target = curl.parse(name, appendingQuery: isPost ? nil : form), target.isHTTP else {
            return failure(.invalidURL, "\(name) is not an http(s) URL")
        }
        if !isAllowed(target.host) {
            return failure(.hostNotAllowed, "\(target.host) is not an allowed host (allowed: \(allowedList))")
        }

        let clock = ContinuousClock()
        let deadline = clock.now + .milliseconds(Int64((limits.timeout * 1000).rounded(.up)))
        var exchange = HTTPExchange(
            url: target.url, isPost: isPost, body: isPost ? Array(form.utf8) : [],
            accept: wantsXML ? "text/xml, application/xml" : nil,
            timeoutMilliseconds: 0, maximumBytes: limits.maximumBytes)
        var redirects = 0
        while true {
            // What is left of the deadline, for this hop: the deadline is
            // for the whole fetch, however often a server sends a little.
            exchange.timeoutMilliseconds = Self.milliseconds(clock.now.duration(to: deadline))
            switch exchange.perform(with: curl) {
            case .answered(let status, let contentType, let body):
                return Self.accepted(status: status, contentType: contentType, body: body, from: name, wantsXML: wantsXML)
            case .redirected(let status, let location):
                redirects += 1
                if redirects > limits.maximumRedirects {
                    return failure(.redirectRefused, "\(name): redirected more than \(limits.maximumRedirects) times")
                }
                guard let next = curl.parse(location, relativeTo: exchange.url), next.isHTTP else {
                    let shown = curl.parse(location, relativeTo: exchange.url)?.url ?? String(location.prefix(200))
                    return failure(.redirectRefused, "\(name): redirected to \(shown), which is not an http(s) URL")
                }
                if !isAllowed(next.host) {
                    return failure(.hostNotAllowed, "\(name): redirected to \(next.host), which is not an allowed host")
                }
                exchange.url = next.url
                // As browsers and FoundationNetworking do: 301, 302 and 303
                // go on as a GET without the form; 307 and 308 repeat the
                // request as it was.
                if exchange.isPost && [301, 302, 303].contains(status) {
                    exchange.isPost = false
                    exchange.body = []
                }
            case .declaredTooLarge(let declared):
                return failure(
                    .tooLarge, "\(name): answered \(declared) bytes (Content-Length); the limit is \(limits.maximumBytes)")
            case .tooLarge(let encoding):
                let decoded = encoding.map { " once decoded (Content-Encoding: \($0))" } ?? ""
                return failure(
                    .tooLarge,
                    "\(name): answered more than \(limits.maximumBytes) bytes\(decoded); the limit is \(limits.maximumBytes)")
            case .timedOut:
                return failure(.timedOut, "\(name) did not answer within \(Self.seconds(limits.timeout))")
            case .failed(let why):
                return failure(.transport, "\(name): \(why)")
            }
        }
    }

    private func isAllowed(_ host: String) -> Bool { limits.allowedHosts?.contains(host) ?? true }
    private var allowedList: String { (limits.allowedHosts ?? []).sorted().joined(separator: ", ") }

    /// The body of a final answer, or why not: 2xx, and XML when a document
    /// is wanted.
    static func accepted(status: Int, contentType: String?, body: [UInt8], from name: String, wantsXML: Bool) -> Result<
        [UInt8], HTTPFailure
    > {
        guard (200..<300).contains(status) else {
            return .failure(HTTPFailure(.status(status), "\(name) answered HTTP \(status)"))
        }
        if wantsXML {
            let type = (contentType ?? "").lowercased()
            let mime = type.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            guard mime == "text/xml" || mime == "application/xml" || mime.hasSuffix("+xml") else {
                return .failure(HTTPFailure(.notXML, "\(name) answered Content-Type '\(mime.isEmpty ? "none" : mime)', not XML"))
            }
        }
        return .success(body)
    }

    /// Whole milliseconds, rounded up (what is left of a deadline: 0 or less
    /// when it has passed).
    static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        let milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        let remainder = attoseconds % 1_000_000_000_000_000
        return Int(clamping: milliseconds + (remainder > 0 ? 1 : 0))
    }

    /// `a=1&b=x%20y`, names and values percent-encoded for a form.
    static func formEncoded(_ parameters: [(String, String)]) -> String {
        // RFC 3986's unreserved characters, ASCII only: `alphanumerics`
        // would let é or Arabic digits through unencoded.
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        func encode(_ s: String) -> String { s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s }
        return parameters.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
    }

    static func seconds(_ n: Double) -> String { n == n.rounded() ? "\(Int(n)) s" : "\(n) s" }
}
