import Engine
import Fetching
import Language
import Synchronization
import Testing

/// Status callbacks at the edge: the engine puts the request on its
/// `callback` event; the driver sends it as the event passes and reports a
/// failure with a `callback.error` right after it. No network here.
@Suite struct CallbackDriverTests {
    /// Keeps what it was asked to send; fails every request to `failing`.
    final class Recorder: CallbackSender {
        let sent = Mutex<[CallbackRequest]>([])
        let failing: String?

        init(failing: String? = nil) { self.failing = failing }

        func send(_ request: CallbackRequest) throws(HTTPFailure) {
            sent.withLock { $0.append(request) }
            if request.url == failing { throw HTTPFailure(.status(503), "\(request.url) answered HTTP 503") }
        }
    }

    static let script = """
        <Response>
          <Dial><Client statusCallback="https://cb.example.com/a" statusCallbackEvent="initiated completed">1002</Client></Dial>
          <Dial><Client statusCallback="https://cb.example.com/down" statusCallbackMethod="GET" statusCallbackEvent="initiated">1002</Client></Dial>
          <Say>Still here.</Say>
        </Response>
        """

    func run(callbacks: (any CallbackSender)?) throws -> [TraceEvent] {
        let driver = CallDriver(
            directory: FetchingTests.directory, documents: [:], folder: ".", fetcher: nil, callbacks: callbacks)
        var scenario = Scenario()
        scenario.from = "1003"
        scenario.sid = "CA-cb"
        scenario.answers = ["1002": Answer(status: .answered, talk: 10, ring: 2)]
        var sink = CollectingSink()
        driver.run(
            try CompiledScript.compile(bytes: Array(Self.script.utf8), file: "cb.xml").get(), scenario: scenario, sink: &sink)
        return sink.events
    }

    @Test func eachCallbackIsSentWithItsFormAndAFailureFollowsItsEvent() throws {
        let recorder = Recorder(failing: "https://cb.example.com/down")
        let events = try run(callbacks: recorder)
        let sent = recorder.sent.withLock { $0 }
        #expect(sent.map(\.url) == ["https://cb.example.com/a", "https://cb.example.com/a", "https://cb.example.com/down"])
        #expect(sent.map(\.method) == [.POST, .POST, .GET])
        let statuses = sent.map { request in request.parameters.first { $0.0 == "CallStatus" }?.1 }
        #expect(statuses == ["initiated", "completed", "initiated"])
        #expect(sent.allSatisfy { request in request.parameters.contains { $0 == ("CallSid", "CA-cb") } })

        let names = events.map(\.name)
        #expect(names.filter { $0 == .callbackError }.count == 1)
        let failed = try #require(events.firstIndex { $0.name == .callbackError })
        let callback = events[failed - 1]
        #expect(callback.name == .callback)
        #expect(callback.callback?.url == "https://cb.example.com/down")
        #expect(events[failed].time == callback.time)
        #expect(events[failed].file == callback.file && events[failed].line == callback.line)
        #expect(events[failed][.url] == .string("https://cb.example.com/down"))
        #expect(events[failed][.message] == .string("https://cb.example.com/down answered HTTP 503"))
        #expect(names.contains(.say))
    }

    /// Without a sender (`connexml test`, the REPL, `run --offline`) the
    /// requests are only traced: the same events, none of them an error.
    @Test func withoutASenderTheyAreOnlyTraced() throws {
        let events = try run(callbacks: nil)
        #expect(events.filter { $0.name == .callback }.count == 3)
        #expect(!events.contains { $0.name == .callbackError })
        #expect(events.filter { $0.name == .callback }.allSatisfy { $0.callback != nil })
    }
}
