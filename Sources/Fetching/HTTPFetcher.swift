import Engine
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Language

/// How far a fetch may go. Documented in README.md ("Fetching documents").
public struct FetchLimits: Sendable {
    /// Seconds for the whole request.
    public var timeout: Double = 10
    /// The largest answer read; a document fetched over HTTP may be at most
    /// 64 KiB (what TwiML platforms accept).
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
        request.timeoutInterval = limits.timeout
        request.setValue("connexml", forHTTPHeaderField: "User-Agent")
        if wantsXML { request.setValue("text/xml, application/xml", forHTTPHeaderField: "Accept") }

        let exchange = Exchange(limits: limits)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = limits.timeout
        configuration.timeoutIntervalForResource = limits.timeout
        let session = URLSession(configuration: configuration, delegate: exchange, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        session.dataTask(with: request).resume()
        guard exchange.done.wait(timeout: .now() + limits.timeout + 2) == .success else {
            session.invalidateAndCancel()
            return .failure(Failure(message: "\(url.absoluteString) did not answer within \(Self.seconds(limits.timeout))"))
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

/// The delegate of one request: collects the body up to the limit, counts
/// redirects, and signals when done.
private final class Exchange: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    let limits: FetchLimits
    let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var body: [UInt8] = []
    private var response: HTTPURLResponse?
    private var failure: String?
    private var redirects = 0

    init(limits: FetchLimits) { self.limits = limits }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void) {
        lock.withLock { self.response = response as? HTTPURLResponse }
        if response.expectedContentLength > Int64(limits.maximumBytes) {
            lock.withLock { failure = "answered \(response.expectedContentLength) bytes; the limit is \(limits.maximumBytes)" }
            completionHandler(.cancel)
            return
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let over = lock.withLock { () -> Bool in
            body.append(contentsOf: data)
            if body.count > limits.maximumBytes {
                failure = "answered more than \(limits.maximumBytes) bytes; the limit is \(limits.maximumBytes)"
                return true
            }
            return false
        }
        if over { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        let refusal = lock.withLock { () -> String? in
            redirects += 1
            if redirects > limits.maximumRedirects { return "redirected more than \(limits.maximumRedirects) times" }
            guard let url = request.url, let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
                return "redirected to \(request.url?.absoluteString ?? "nothing"), which is not an http(s) URL"
            }
            if let allowed = limits.allowedHosts, let host = url.host, !allowed.contains(host) {
                return "redirected to \(host), which is not an allowed host"
            }
            return nil
        }
        if let refusal {
            lock.withLock { failure = refusal }
            completionHandler(nil)
            task.cancel()
        } else {
            completionHandler(request)
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        if let error {
            lock.withLock {
                if failure == nil {
                    let timedOut = (error as NSError).code == NSURLErrorTimedOut
                    failure = timedOut ? "did not answer within \(HTTPFetcher.seconds(limits.timeout))" : error.localizedDescription
                }
            }
        }
        done.signal()
    }

    func outcome(for url: URL, wantsXML: Bool) -> Result<[UInt8], HTTPFetcher.Failure> {
        lock.withLock {
            let name = url.absoluteString
            if let failure { return .failure(.init(message: "\(name): \(failure)")) }
            guard let response else { return .failure(.init(message: "\(name): no answer")) }
            guard (200..<300).contains(response.statusCode) else {
                return .failure(.init(message: "\(name) answered HTTP \(response.statusCode)"))
            }
            if wantsXML {
                let type = (response.value(forHTTPHeaderField: "Content-Type") ?? "").lowercased()
                let mime = type.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
                guard mime == "text/xml" || mime == "application/xml" || mime.hasSuffix("+xml") else {
                    return .failure(.init(message: "\(name) answered Content-Type '\(mime.isEmpty ? "none" : mime)', not XML"))
                }
            }
            return .success(body)
        }
    }
}
