import Engine
import Fetching
import Foundation
import Language
import Policy
import TestSupport
import Testing

/// Hand-overs and callbacks against a real HTTP server on loopback
/// (scripts/http-server.py, started per test).
@Suite struct FetchingTests {
    static let directory: Directory = {
        let text = try! String(
            contentsOf: TestServer.packageRoot.appendingPathComponent("samples/directory.yaml"), encoding: .utf8)
        return DirectoryLoader.load(text: text, file: "directory.yaml").directory!
    }()

    func fetcher(timeout: Double = 5, hosts: Set<String>? = nil) -> HTTPFetcher {
        var limits = FetchLimits()
        limits.timeout = timeout
        limits.allowedHosts = hosts
        return HTTPFetcher(limits: limits)
    }

    /// Runs `xml` (a local document) with HTTP on, returns the events.
    func call(_ xml: String, keys: [KeyPress] = [], fetcher: HTTPFetcher? = nil, mappings: [String: String] = [:]) -> [TraceEvent]
    {
        let http = fetcher ?? self.fetcher()
        let engine = CallDriver(directory: Self.directory, documents: mappings, http: http)
        var scenario = Scenario()
        scenario.from = "1003"
        scenario.to = "160"
        scenario.sid = "CA-http"
        scenario.keys = keys
        scenario.answers = ["1002": Answer(status: .answered, talk: 10, ring: 2)]
        var sink = CollectingSink()
        let script = try! CompiledScript.compile(bytes: Array(("<Response>" + xml + "</Response>").utf8), file: "local.xml").get()
        engine.run(script, scenario: scenario, sink: &sink)
        return sink.events
    }

    func error(_ events: [TraceEvent]) -> String? {
        events.first { $0.name == .error }.flatMap { if case .string(let s)? = $0[.message] { s } else { nil } }
    }

    @Test func redirectPostsTheCallParameters() throws {
        let server = try TestServer()
        let events = call("<Redirect>\(server.url("/_test/echo"))</Redirect>")
        let said = events.first { $0.name == .say }?[.text]
        #expect(said == .string("POST CallSid=CA-http From=1003 To=160"))
        let request = try #require(server.requests().first)
        #expect(request.method == "POST")
        #expect(request.contentType == "application/x-www-form-urlencoded")
        #expect(request.form == ["CallSid": "CA-http", "From": "1003", "To": "160"])
    }

    @Test func getSendsTheParametersInTheQueryAndGatherSendsDigits() throws {
        let server = try TestServer()
        _ = call(
            "<Gather numDigits=\"2\" action=\"\(server.url("/_test/echo?x=1"))\" method=\"GET\"/>", keys: [KeyPress(digits: "42")]
        )
        let request = try #require(server.requests().first)
        #expect(request.method == "GET")
        #expect(request.query == ["x": "1", "CallSid": "CA-http", "From": "1003", "To": "160", "Digits": "42"])
    }

    @Test func dialCallStatusTravelsWithLaterHandOvers() throws {
        let server = try TestServer()
        _ = call("<Dial><Client>1002</Client></Dial><Redirect>\(server.url("/_test/echo"))</Redirect>")
        #expect(server.requests().first?.form["DialCallStatus"] == "completed")
    }

    @Test func answersThatAreNotXMLAreRefused() throws {
        let server = try TestServer()
        let events = call("<Redirect>\(server.url("/_test/plain"))</Redirect>")
        #expect(error(events)?.contains("answered Content-Type 'text/plain', not XML") == true)
        #expect(events.last?[.reason] == .string("error"))
    }

    @Test func oversizedAnswersAreRefused() throws {
        let server = try TestServer()
        let events = call("<Redirect>\(server.url("/_test/big"))</Redirect>")
        #expect(error(events)?.contains("the limit is 65536") == true)
    }

    /// The page answers after 10 s; with a 1 s timeout the fetch gives up
    /// first, which shows in the outcome: the late document never runs.
    @Test func slowServersTimeOut() throws {
        let server = try TestServer()
        let events = call("<Redirect>\(server.url("/_test/slow?seconds=10"))</Redirect>", fetcher: fetcher(timeout: 1))
        #expect(error(events)?.contains("did not answer within 1 s") == true)
        #expect(!events.contains { $0.name == .say })
        #expect(events.last?[.reason] == .string("error"))
    }

    @Test func errorStatusesEndTheCall() throws {
        let server = try TestServer()
        let events = call("<Redirect>\(server.url("/_test/status?code=503"))</Redirect>")
        #expect(error(events)?.contains("answered HTTP 503") == true)
    }

    @Test func httpRedirectsAreFollowedUpToTheLimit() throws {
        let server = try TestServer()
        let few = call("<Redirect method=\"GET\">\(server.url("/_test/redirect?n=3"))</Redirect>")
        #expect(few.contains { $0.name == .say })
        let many = call("<Redirect method=\"GET\">\(server.url("/_test/redirect?n=9"))</Redirect>")
        #expect(error(many)?.contains("redirected more than 5 times") == true)
    }

    @Test func handOverLoopsEndAfterTheHopLimit() throws {
        let server = try TestServer()
        let events = call("<Redirect method=\"GET\">\(server.url("/_test/loop"))</Redirect>")
        #expect(events.filter { $0.name == .document }.count == Engine.maximumHandOvers)
        #expect(error(events)?.contains("more than \(Engine.maximumHandOvers) hand-overs") == true)
    }

    @Test func aFetchedDocumentMayNotHandOverToLocalFiles() throws {
        let server = try TestServer()
        let events = call("<Redirect method=\"GET\">\(server.url("/_test/to-local-file"))</Redirect>")
        #expect(error(events)?.contains("may not hand over to the local file 'file:///etc/passwd'") == true)
        #expect(!events.contains { $0.name == .say })
    }

    @Test func relativeReferencesInAFetchedDocumentStayOnItsServer() throws {
        let server = try TestServer()
        let events = call("<Redirect method=\"GET\">\(server.url("/_test/relative"))</Redirect>")
        #expect(server.requests().map(\.path) == ["/_test/relative", "/_test/echo"])
        #expect(events.contains { $0.name == .say })
        let rooted = try TestServer()
        let fromRoot = call("<Redirect method=\"GET\">\(rooted.url("/_test/root-relative"))</Redirect>")
        #expect(rooted.requests().map(\.path) == ["/_test/root-relative", "/_test/echo"])
        #expect(fromRoot.contains { $0.name == .say })
    }

    @Test func onlyAllowedHostsAreContacted() throws {
        let server = try TestServer()
        let events = call("<Redirect>\(server.url("/_test/echo"))</Redirect>", fetcher: fetcher(hosts: ["apps.example.com"]))
        #expect(error(events)?.contains("127.0.0.1 is not an allowed host") == true)
        #expect(server.requests().isEmpty)
    }

    @Test func scenarioMappingsWinOverTheNetwork() throws {
        let server = try TestServer()
        let local = TestServer.packageRoot.appendingPathComponent("samples/app/choice-support.xml").path
        let events = call("<Redirect>\(server.url("/_test/echo"))</Redirect>", mappings: [server.url("/_test/echo"): local])
        #expect(events.contains { $0.name == .enqueue })
        #expect(server.requests().isEmpty)
    }

    @Test func clientStatusCallbacksAreSentAndFailuresNeverBreakTheCall() throws {
        let server = try TestServer()
        let events = call(
            """
            <Dial><Client statusCallback="\(server.url("/_test/callback"))" statusCallbackEvent="initiated ringing answered completed">1002</Client></Dial>
            <Dial><Client statusCallback="http://127.0.0.1:9/nobody-listens" statusCallbackMethod="GET" statusCallbackEvent="completed">1002</Client></Dial>
            <Say>Still here.</Say>
            """)
        let sent = server.requests()
        #expect(sent.map { $0.form["CallStatus"] } == ["initiated", "ringing", "in-progress", "completed"])
        #expect(sent.allSatisfy { $0.method == "POST" && $0.form["To"] == "1002" && $0.form["CallSid"] == "CA-http" })
        #expect(events.filter { $0.name == .callback }.count == 5)  // four, and the one that fails
        #expect(events.contains { $0.name == .callbackError })
        #expect(events.contains { $0.name == .say })
        #expect(events.last?[.reason] == .string("completed"))
    }

    @Test func streamStatusCallback() throws {
        let server = try TestServer()
        let directory = DirectoryLoader.load(
            text: """
                customers: [{name: c}]
                profiles: [{name: p, flags: [stream]}]
                users: [{username: u, profile: p, customer: c}]
                """, file: "d"
        ).directory!
        let http = fetcher()
        let engine = CallDriver(directory: directory, http: http)
        var scenario = Scenario()
        scenario.from = "u"
        scenario.sid = "CA-stream"
        var sink = CollectingSink()
        let xml =
            "<Response><Start><Stream url=\"wss://s.example/a\" statusCallback=\"\(server.url("/_test/callback"))\"/></Start></Response>"
        engine.run(try CompiledScript.compile(bytes: Array(xml.utf8), file: "s.xml").get(), scenario: scenario, sink: &sink)
        let request = try #require(server.requests().first)
        #expect(request.form["StreamEvent"] == "stream-started")
        #expect(request.form["StreamUrl"] == "wss://s.example/a")
    }

    @Test func theSampleApplication() throws {
        let server = try TestServer()
        let events = call("<Redirect method=\"GET\">\(server.url("/menu.xml"))</Redirect>", keys: [KeyPress(digits: "1")])
        #expect(server.requests().map(\.path) == ["/menu.xml", "/app/choice"])
        #expect(server.requests().last?.form["Digits"] == "1")
        #expect(events.contains { $0.name == .dial && $0[.target] == .string("01234567890") })
    }
}
