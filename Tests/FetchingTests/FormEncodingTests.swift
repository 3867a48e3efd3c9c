import Testing

@testable import Fetching

/// Form parameters go out with only RFC 3986's unreserved ASCII characters
/// as they are: everything else, letters of other scripts included, is
/// percent-encoded as UTF-8 (libcurl appends the query as given).
@Suite struct FormEncodingTests {
    @Test func unreservedASCIIStaysAsItIs() {
        #expect(HTTPFetcher.formEncoded([("Digits", "1-2._~z")]) == "Digits=1-2._~z")
    }

    @Test(arguments: [
        ("é", "%C3%A9"), ("٣", "%D9%A3"), ("a b", "a%20b"), ("&=", "%26%3D"), ("+", "%2B"), ("\u{202E}", "%E2%80%AE"),
    ])
    func everythingElseIsPercentEncoded(_ value: String, _ encoded: String) {
        #expect(HTTPFetcher.formEncoded([("From", value)]) == "From=\(encoded)")
    }
}
