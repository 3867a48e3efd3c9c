import Engine
import Fetching
import Foundation
import TestSupport
import Testing

/// What a hostile or broken web server cannot do to a fetch: make it hold
/// more than the size limit (compressed, declared or not), or keep it past
/// its deadline by sending a little at a time. Documents end the call with
/// an `error`; callbacks report a `callback.error` and the call goes on.
///
/// Serialized: the answers here are large or slow on purpose; one at a
/// time keeps the load, and so the other fetches' deadlines, predictable.
@Suite(.serialized) struct FetchLimitsTests {
    let http = FetchingTests()

    /// 128 MiB of zeros, 128 KiB of gzip, without Content-Length: only the
    /// decoded size can stop it (scripts/http-server.py; escaped for XML).
    static let bomb = "/_test/gzip-bomb?mib=128&amp;length=no"
    static let bombBytes = 128 << 20

    func callbackFailure(_ events: [TraceEvent]) -> String? {
        events.first { $0.name == .callbackError }.flatMap { if case .string(let s)? = $0[.message] { s } else { nil } }
    }

    /// A client whose status callback is `url`, then a `Say` that must run.
    func dialWithCallback(_ url: String, fetcher: HTTPFetcher? = nil) -> [TraceEvent] {
        http.call(
            "<Dial><Client statusCallback=\"\(url)\" statusCallbackEvent=\"completed\">1002</Client></Dial><Say>Still here.</Say>",
            fetcher: fetcher)
    }

    // MARK: compressed answers

    @Test func compressionIsNotAskedFor() throws {
        let server = try TestServer()
        _ = http.call("<Redirect>\(server.url("/_test/echo"))</Redirect>")
        #expect(server.requests().first?.acceptEncoding == "identity")
    }

    /// A server may compress anyway; within the limit, the answer is read.
    @Test func aCompressedDocumentWithinTheLimitIsRead() throws {
        let server = try TestServer()
        let events = http.call("<Redirect method=\"GET\">\(server.url("/_test/gzip-small"))</Redirect>")
        #expect(events.first { $0.name == .say }?[.text] == .string("unzipped"))
    }

    /// AddressSanitizer keeps freed memory in quarantine (up to 256 MB), so
    /// under a sanitizer the resident peak says nothing about what was held:
    /// there the refusal at the limit is checked, the memory bound only in
    /// the plain build (scripts/sanitize.sh runs the former).
    static let underSanitizer: Bool = ["__asan_init", "__tsan_init"].contains { (name: String) in dlsym(nil, name) != nil }

    @Test func aGzipBombDocumentIsRefusedAtTheLimitWithoutBeingHeld() throws {
        let server = try TestServer()
        ResidentMemory.resetPeak()
        let before = ResidentMemory.now()
        let events = http.call("<Redirect method=\"GET\">\(server.url(Self.bomb))</Redirect>")
        let grown = ResidentMemory.peak() - before
        #expect(
            http.error(events)?.contains(
                "answered more than 65536 bytes once decoded (Content-Encoding: gzip); the limit is 65536") == true)
        #expect(events.last?[.reason] == .string("error"))
        if !Self.underSanitizer { #expect(grown < Self.bombBytes / 2, "peak resident memory grew by \(grown >> 20) MiB") }
    }

    @Test func aGzipBombCallbackAnswerIsRefusedAtTheLimitWithoutBeingHeld() throws {
        let server = try TestServer()
        ResidentMemory.resetPeak()
        let before = ResidentMemory.now()
        let events = dialWithCallback(server.url(Self.bomb))
        let grown = ResidentMemory.peak() - before
        #expect(
            callbackFailure(events)?.contains(
                "answered more than 65536 bytes once decoded (Content-Encoding: gzip); the limit is 65536") == true)
        #expect(events.contains { $0.name == .say })
        if !Self.underSanitizer { #expect(grown < Self.bombBytes / 2, "peak resident memory grew by \(grown >> 20) MiB") }
    }

    /// The bomb with its Content-Length (132 KiB): refused from the header.
    @Test func aGzipBombWithItsLengthIsRefusedByTheLength() throws {
        let server = try TestServer()
        let events = http.call("<Redirect method=\"GET\">\(server.url("/_test/gzip-bomb?mib=128"))</Redirect>")
        #expect(http.error(events)?.contains("bytes (Content-Length); the limit is 65536") == true)
    }

    // MARK: declared lengths

    /// The server declares 1 GiB and sends a byte every 0.1 s (so an idle
    /// timeout never fires): refused from the header, not after a wait for
    /// the body, which would end in a timeout.
    @Test func aDeclaredLengthOverTheLimitIsRefusedBeforeTheBody() throws {
        let server = try TestServer()
        let events = http.call("<Redirect method=\"GET\">\(server.url("/_test/declared-too-large"))</Redirect>")
        #expect(http.error(events)?.contains("answered 1073741824 bytes (Content-Length); the limit is 65536") == true)
    }

    @Test func aCallbackAnswerDeclaredOverTheLimitIsRefusedBeforeTheBody() throws {
        let server = try TestServer()
        let events = dialWithCallback(server.url("/_test/declared-too-large"))
        #expect(callbackFailure(events)?.contains("answered 1073741824 bytes (Content-Length); the limit is 65536") == true)
        #expect(events.contains { $0.name == .say })
    }

    // MARK: the deadline

    /// A valid document sent a byte at a time over 2.5 s, against a 1 s
    /// timeout: the timeout is for the whole answer, however steadily
    /// it trickles in, so the document never runs.
    @Test func aDrippedDocumentEndsAtTheDeadline() throws {
        let server = try TestServer()
        let events = http.call(
            "<Redirect method=\"GET\">\(server.url("/_test/drip?seconds=2.5"))</Redirect>",
            fetcher: http.fetcher(timeout: 1))
        #expect(http.error(events)?.contains("did not answer within 1 s") == true)
        #expect(!events.contains { $0.name == .say })
    }

    @Test func aDrippedCallbackAnswerEndsAtTheDeadline() throws {
        let server = try TestServer()
        let events = dialWithCallback(server.url("/_test/drip?seconds=2.5"), fetcher: http.fetcher(timeout: 1))
        #expect(callbackFailure(events)?.contains("did not answer within 1 s") == true)
        #expect(events.contains { $0.name == .say })
    }
}
