import CCurl

/// libcurl, loaded at the first fetch rather than linked: a command that
/// fetches nothing (`check`, `--version`, a run without hand-overs) never
/// loads it, nor the TLS, Kerberos and LDAP libraries it brings (see
/// docs/performance.md, "Start-up").
struct LibCurl: @unchecked Sendable {  // the loaded functions never change
    let library: OpaquePointer

    /// The system's libcurl, loaded once, at the first use.
    static let system = load(nil)

    /// `path`, or the system's libcurl when nil.
    static func load(_ path: String?) -> Result<LibCurl, HTTPFailure> {
        var why = [CChar](repeating: 0, count: 512)
        guard let library = ccurl_open(path, &why, why.count) else {
            let reason = String(decoding: why.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            return .failure(
                HTTPFailure(
                    .libcurlUnavailable,
                    "HTTP needs libcurl (Debian and Ubuntu: apt-get install libcurl4), "
                        + "which could not be loaded: \(reason)"))
        }
        return .success(LibCurl(library: library))
    }

    /// A URL as libcurl reads it, so that the host checked is the host it
    /// connects to.
    struct ParsedURL {
        let url: String
        /// Lower case.
        let scheme: String
        /// Without the brackets of an IPv6 address (as `URL.host` gives it).
        let host: String

        var isHTTP: Bool { scheme == "http" || scheme == "https" }
    }

    /// `reference` (relative to `base` when given: a redirect's Location),
    /// with `query` (encoded) appended to its query; nil when libcurl
    /// cannot read it.
    func parse(_ reference: String, relativeTo base: String? = nil, appendingQuery query: String? = nil) -> ParsedURL? {
        var parsed = ccurl_url()
        var why = [CChar](repeating: 0, count: 256)
        guard ccurl_parse_url(library, base, reference, query, &parsed, &why, why.count) == 0 else { return nil }
        defer { ccurl_url_free(library, &parsed) }
        var host = String(cString: parsed.host)
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return ParsedURL(url: String(cString: parsed.url), scheme: String(cString: parsed.scheme).lowercased(), host: host)
    }
}

/// One HTTP request and its answer, one hop: libcurl follows no redirect,
/// so the fetcher checks each one before connecting to it. The limits hold
/// while the answer arrives (see Sources/CCurl/Exchange.c): a redirect's
/// body and a body declared too large are never read; a body, decoded when
/// the server compressed it though asked not to, is refused at the chunk
/// that passes the limit, and none of that chunk is kept.
struct HTTPExchange {
    var url: String
    /// POST with `body` as a form, else GET.
    var isPost: Bool
    var body: [UInt8]
    var accept: String?
    var timeoutMilliseconds: Int
    var maximumBytes: Int

    enum Outcome {
        case answered(status: Int, contentType: String?, body: [UInt8])
        /// 301, 302, 303, 307 or 308 with a Location (unresolved).
        case redirected(status: Int, location: String)
        case declaredTooLarge(Int64)
        /// The body passed the limit; the answer's Content-Encoding when it
        /// was not `identity` (so the bytes counted were decoded ones).
        case tooLarge(encoding: String?)
        case timedOut
        case failed(String)
    }

    /// Runs the exchange on this thread, to completion.
    func perform(with curl: LibCurl) -> Outcome {
        var answer = ccurl_answer()
        body.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { form in
                url.withCString { url in
                    "connexml".withCString { agent in
                        withOptionalCString(accept) { accept in
                            var request = ccurl_request(
                                url: url, post: isPost ? 1 : 0, body: form.baseAddress, body_size: form.count,
                                accept: accept, user_agent: agent, timeout_ms: timeoutMilliseconds,
                                maximum_bytes: maximumBytes)
                            ccurl_perform(curl.library, &request, &answer)
                        }
                    }
                }
            }
        }
        defer { ccurl_answer_free(&answer) }
        func text(_ pointer: UnsafeMutablePointer<CChar>?) -> String? { pointer.map { String(cString: $0) } }
        switch answer.outcome {
        case CCURL_COMPLETE:
            let body = answer.body.map { Array(UnsafeBufferPointer(start: $0, count: answer.body_size)) } ?? []
            return .answered(status: answer.status, contentType: text(answer.content_type), body: body)
        case CCURL_REDIRECTED:
            return .redirected(status: answer.status, location: text(answer.location) ?? "")
        case CCURL_DECLARED_TOO_LARGE:
            return .declaredTooLarge(answer.declared_length)
        case CCURL_TOO_LARGE:
            let coding = text(answer.content_encoding).map { String($0.lowercased().prefix(40)) }  // for the message
            return .tooLarge(encoding: coding.flatMap { $0.isEmpty || $0 == "identity" ? nil : $0 })
        case CCURL_TIMED_OUT:
            return .timedOut
        default:
            return .failed(withUnsafeBytes(of: answer.error) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) })
        }
    }
}

private func withOptionalCString<R>(_ string: String?, _ body: (UnsafePointer<CChar>?) -> R) -> R {
    guard let string else { return body(nil) }
    return string.withCString(body)
}
