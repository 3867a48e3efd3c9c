import Engine
import Foundation
import TestSupport
import Testing

@testable import Fetching

/// Redirects are followed by connexml, one hop at a time (libcurl follows
/// none): each target is checked before anything connects to it, the
/// method changes the way browsers change it, and a redirect's body is
/// never read. And a libcurl that cannot be loaded is an error that says
/// what to install.
@Suite struct RedirectHopTests {
    let http = FetchingTests()

    static let xml = "HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: 11\r\nConnection: close\r\n\r\n<Response/>"

    static func redirect(_ status: String, to location: String) -> String {
        "HTTP/1.1 \(status)\r\nLocation: \(location)\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    }

    func failure(_ result: Result<[UInt8], DocumentFailure>) -> String? {
        if case .failure(let failure) = result { failure.message } else { nil }
    }

    /// A 302 whose body is 256 MiB of zeros gzipped, without Content-Length:
    /// the body is not read (so neither held nor inflated), and the target
    /// is fetched. (Through FoundationNetworking it was read whole.)
    @Test func aRedirectsBodyIsNeverRead() throws {
        let server = try TestServer()
        ResidentMemory.resetPeak()
        let before = ResidentMemory.now()
        let events = http.call("<Redirect method=\"GET\">\(server.url("/_test/redirect-bomb?mib=256"))</Redirect>")
        let grown = ResidentMemory.peak() - before
        #expect(events.first { $0.name == .say }?[.text] == .string("GET"))  // /_test/echo, asked nothing
        #expect(server.requests().map(\.path) == ["/_test/redirect-bomb", "/_test/echo"])
        if !FetchLimitsTests.underSanitizer { #expect(grown < 128 << 20, "peak resident memory grew by \(grown >> 20) MiB") }
    }

    @Test func aRedirectToAHostNotAllowedIsRefusedBeforeConnecting() throws {
        let server = try CannedServer(["/away": Self.redirect("302 Found", to: "http://elsewhere.invalid/next.xml")])
        defer { server.stop() }
        let result = http.fetcher(hosts: ["127.0.0.1"]).fetch(server.url("/away"), method: .GET, parameters: [])
        #expect(failure(result) == "\(server.url("/away")): redirected to elsewhere.invalid, which is not an allowed host")
    }

    @Test func aRedirectToAnotherSchemeIsRefused() throws {
        let server = try CannedServer(["/ftp": Self.redirect("301 Moved Permanently", to: "ftp://127.0.0.1/next.xml")])
        defer { server.stop() }
        let result = http.fetcher().fetch(server.url("/ftp"), method: .GET, parameters: [])
        #expect(failure(result) == "\(server.url("/ftp")): redirected to ftp://127.0.0.1/next.xml, which is not an http(s) URL")
        #expect(server.requests().map(\.path) == ["/ftp"])
    }

    /// 307 (and 308) repeat the request, form and all; 303 (and 301, 302)
    /// go on as a GET without it.
    @Test func methodsAcrossRedirects() throws {
        let server = try CannedServer([
            "/again": Self.redirect("307 Temporary Redirect", to: "/document.xml"),
            "/see-other": Self.redirect("303 See Other", to: "/document.xml"),
            "/document.xml": Self.xml,
        ])
        defer { server.stop() }
        let fetcher = http.fetcher()
        for path in ["/again", "/see-other"] {
            let result = fetcher.fetch(server.url(path), method: .POST, parameters: [("Digits", "1 2")])
            #expect((try? result.get()) == Array("<Response/>".utf8), "\(path): \(failure(result) ?? "")")
        }
        #expect(
            server.requests() == [
                .init(method: "POST", path: "/again", body: "Digits=1%202"),
                .init(method: "POST", path: "/document.xml", body: "Digits=1%202"),
                .init(method: "POST", path: "/see-other", body: "Digits=1%202"),
                .init(method: "GET", path: "/document.xml", body: ""),
            ])
    }

    @Test func aMissingLibcurlSaysWhichPackageToInstall() {
        var limits = FetchLimits()
        limits.timeout = 1
        let fetcher = HTTPFetcher(limits: limits, libcurlPath: "/nonexistent/libcurl.so.4")
        let message = failure(fetcher.fetch(URL(string: "http://127.0.0.1:9/menu.xml")!, method: .GET, parameters: []))
        #expect(message?.contains("HTTP needs libcurl (Debian and Ubuntu: apt-get install libcurl4)") == true, "\(message ?? "")")
        #expect(message?.contains("/nonexistent/libcurl.so.4") == true)
        let events = FetchLimitsTests().dialWithCallback("http://127.0.0.1:9/status", fetcher: fetcher)
        #expect(FetchLimitsTests().callbackFailure(events)?.contains("apt-get install libcurl4") == true)
        #expect(events.contains { $0.name == .say })
    }
}
