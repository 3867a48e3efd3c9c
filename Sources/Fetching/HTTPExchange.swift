import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The delegate of one request: enforces the size and redirect limits while
/// the answer arrives, and says when the request is over.
///
/// FoundationNetworking (libcurl underneath) decodes a compressed answer
/// before the delegate sees it (a server may compress though asked not to),
/// and ignores the delegate's answer to a response (`.cancel` does not stop
/// the transfer). So every limit is checked here on what arrives, a chunk
/// past the limit is dropped rather than kept, and a refusal ends the request
/// at once instead of when the transfer winds down. The session delivers to
/// this delegate through `InlineDelegateQueue` (see there why), so nothing
/// here may call the session or the task synchronously: cancelling goes
/// through another thread.
///
/// What this cannot reach, FoundationNetworking being what it is: a cancel
/// takes effect once libcurl has finished the read it is in, so what it had
/// already received is still inflated (and dropped here) first, on the one
/// queue all sessions share; and the body of a redirect (3xx) never reaches
/// a delegate (FoundationNetworking keeps it, to hand over if the redirect
/// is not followed), so only the deadline bounds it.
final class HTTPExchange: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    let limits: FetchLimits
    private let ended = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var isOver = false
    private var body: [UInt8] = []
    private var response: HTTPURLResponse?
    /// The answer's `Content-Encoding` when it is not `identity`.
    private var encoding: String?
    private var failure: String?
    private var redirects = 0
    /// Cancels the transfer, once the request is over.
    private var cleanup: (@Sendable () -> Void)?

    init(limits: FetchLimits) { self.limits = limits }

    /// False when `deadline` came first.
    func wait(until deadline: DispatchTime) -> Bool { ended.wait(timeout: deadline) == .success }

    /// Runs `cleanup` once the request is over: now, if it already is.
    func whenOver(_ cleanup: @escaping @Sendable () -> Void) {
        let over = lock.withLock { () -> Bool in
            if !isOver { self.cleanup = cleanup }
            return isOver
        }
        if over { DispatchQueue.global().async(execute: cleanup) }
    }

    /// Ends the request when the caller stops waiting for it.
    func expire(_ failure: String) { end(failure) }

    /// Ends the request (once): with `failure`, or as it stands when nil;
    /// then cancels what is left of the transfer, on another thread (the
    /// session's queue may be the one running this, and cancelling waits
    /// for it).
    private func end(_ failure: String?) {
        let (first, cleanup) = lock.withLock { () -> (Bool, (@Sendable () -> Void)?) in
            guard !isOver else { return (false, nil) }
            isOver = true
            self.failure = self.failure ?? failure
            defer { self.cleanup = nil }
            return (true, self.cleanup)
        }
        guard first else { return }
        ended.signal()
        if let cleanup { DispatchQueue.global().async(execute: cleanup) }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void) {
        let http = response as? HTTPURLResponse
        let declared = http?.value(forHTTPHeaderField: "Content-Length")
            .flatMap { Int64($0.trimmingCharacters(in: .whitespaces)) } ?? response.expectedContentLength
        let coding = http?.value(forHTTPHeaderField: "Content-Encoding")
            .map { String($0.trimmingCharacters(in: .whitespaces).lowercased().prefix(40)) }  // for the message
        lock.withLock {
            self.response = http
            self.encoding = coding.flatMap { $0.isEmpty || $0 == "identity" ? nil : $0 }
        }
        // Refused from the header alone: none of the body is kept.
        if declared > Int64(limits.maximumBytes) {
            completionHandler(.cancel)
            return end("answered \(declared) bytes (Content-Length); the limit is \(limits.maximumBytes)")
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let refusal = lock.withLock { () -> String? in
            guard !isOver else { return nil }  // chunks still queued after the end are dropped
            guard body.count + data.count > limits.maximumBytes else {
                body.append(contentsOf: data)
                return nil
            }
            let decoded = encoding.map { " once decoded (Content-Encoding: \($0))" } ?? ""
            return "answered more than \(limits.maximumBytes) bytes\(decoded); the limit is \(limits.maximumBytes)"
        }
        if let refusal { end(refusal) }
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
            completionHandler(nil)
            end(refusal)
        } else {
            completionHandler(request)
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        guard let error else { return end(nil) }
        let timedOut = (error as NSError).code == NSURLErrorTimedOut
        end(timedOut ? "did not answer within \(HTTPFetcher.seconds(limits.timeout))" : error.localizedDescription)
    }

    /// The body, or why not: call once the request has ended.
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

/// A delegate queue that runs each delegate call at once, on the thread that
/// hands it over: FoundationNetworking's own queue, inside libcurl's write
/// callback. An ordinary queue takes each decoded chunk without waiting, so
/// while libcurl inflates a compressed answer far faster than a delegate
/// drains it (1 GiB from 1 MB of gzip in one turn of libcurl's read loop),
/// the chunks pile up in memory before any limit can stop them. Run inline,
/// each chunk is checked (and dropped, past the limit) before libcurl
/// decodes the next one, so memory stays at one chunk.
final class InlineDelegateQueue: OperationQueue, @unchecked Sendable {
    override func addOperation(_ block: @escaping @Sendable () -> Void) { block() }
    override func addOperation(_ operation: Operation) { operation.start() }
}
