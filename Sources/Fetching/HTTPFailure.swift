/// Why a request over HTTP (a fetched document, a status callback) failed:
/// a kind to switch over, and the words the trace shows.
public struct HTTPFailure: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Not an http(s) URL, or one libcurl cannot read.
        case invalidURL
        /// The host (or a redirect's) is not among `FetchLimits.allowedHosts`.
        case hostNotAllowed
        /// libcurl could not be loaded.
        case libcurlUnavailable
        /// More redirects than `FetchLimits.maximumRedirects`, or one to a
        /// URL that is not http(s).
        case redirectRefused
        /// A final answer that is not 2xx.
        case status(Int)
        /// A document answered with a Content-Type that is not XML.
        case notXML
        /// More than `FetchLimits.maximumBytes`, declared, sent or decoded.
        case tooLarge
        /// No complete answer within `FetchLimits.timeout`.
        case timedOut
        /// The connection failed (refused, reset, TLS, DNS).
        case transport
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
}
