import Engine
import Language
import Testing

/// A hand-over is a request the call returns: the driver finds the document
/// and resumes the call with it (or with why it could not).
@Suite struct HandOverRequestTests {
    static let first = Fixture.compile(
        "<Response><Say>one</Say><Redirect method=\"GET\">next.xml</Redirect></Response>", file: "first.xml")

    @Test func theCallAsksForTheDocumentAndGoesOnWithIt() {
        let engine = Engine(directory: Fixture.directory)
        var call = engine.call(Self.first, scenario: Fixture.scenario(), sink: CollectingSink())
        guard case .needsDocument(let request) = call.next() else {
            Issue.record("no request")
            return
        }
        #expect(request.reference == "next.xml" && request.file == "first.xml" && request.method == .GET)
        #expect(request.parameters.map(\.0) == ["CallSid", "From", "To"])
        guard
            case .ended(let summary) = call.resume(
                with: .success(Fixture.compile("<Response><Say>two</Say></Response>", file: "next.xml")))
        else {
            Issue.record("did not end")
            return
        }
        #expect(summary.reason == .completed)
        #expect(call.sink.events.all(.say).map { $0[.text]?.string } == ["one", "two"])
        #expect(call.sink.events.first(.document)?[.url] == .string("next.xml"))
    }

    @Test func aDocumentThatCannotBeHadEndsTheCallWithATypedError() {
        var call = Engine(directory: Fixture.directory).call(Self.first, scenario: Fixture.scenario(), sink: CollectingSink())
        _ = call.next()
        guard case .ended(let summary) = call.resume(with: .failure(DocumentFailure(message: "not found")))
        else {
            Issue.record("did not end")
            return
        }
        #expect(summary.reason == .error)
        let error = call.sink.events.first(.error)
        #expect(error?.code == .documentUnavailable)
        #expect(error?.line == 1 && error?[.message] == .string("not found"))
    }
}
