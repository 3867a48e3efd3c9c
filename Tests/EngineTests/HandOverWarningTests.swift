import Engine
import Fetching
import Language
import Testing

/// A document handed over to (fetched over HTTP, or local) that checks with
/// warnings: the platform ignores what they name, and the trace says so.
@Suite struct HandOverWarningTests {
    struct WebApplication: DocumentSource {
        func document(
            _ reference: String, from file: String, method: HTTPMethod,
            parameters: [(String, String)]
        ) -> Result<CompiledScript, DocumentFailure> {
            // TwiML's Dial action: ConneXML ignores it.
            let xml = "<Response>\n  <Dial action=\"/after-dial\">1002</Dial>\n</Response>"
            return CompiledScript.compile(bytes: Array(xml.utf8), file: reference).mapError { DocumentFailure(message: "\($0)") }
        }
    }

    @Test func warningsOfTheNewDocumentAreTraced() {
        let events = Fixture.run("<Redirect>https://app.example.com/next</Redirect>", documents: WebApplication())
        let warning = events.first { $0.name == .warning }
        #expect(warning?[.url]?.string == "https://app.example.com/next")
        #expect(warning?[.code]?.string == "unsupported-attribute")
        #expect(warning?.line == 2)
        #expect(warning?.file == "https://app.example.com/next")
        // After the document event, before what the document does.
        let names = events.names
        #expect(names.firstIndex(of: "warning")! > names.firstIndex(of: "document")!)
        #expect(names.firstIndex(of: "warning")! < names.firstIndex(of: "dial")!)
    }
}

/// Relative references in a fetched document point at its server, as TwiML
/// resolves them; documented defaults that send nothing send nothing.
@Suite struct FetchedDocumentReferenceTests {
    struct Server: DocumentSource {
        let xml: String
        func document(
            _ reference: String, from file: String, method: HTTPMethod,
            parameters: [(String, String)]
        ) -> Result<CompiledScript, DocumentFailure> {
            CompiledScript.compile(bytes: Array(xml.utf8), file: reference).mapError { DocumentFailure(message: "\($0)") }
        }
    }

    func run(_ xml: String) -> [TraceEvent] {
        Fixture.run(
            "<Redirect>https://app.example.com/ivr/next</Redirect>", Fixture.scenario(from: "1003"),
            documents: Server(xml: "<Response>\(xml)</Response>"))
    }

    @Test func aRelativeCallbackGoesToTheDocumentsServer() {
        let events = run("<Dial><Client statusCallback=\"status\" statusCallbackEvent=\"initiated\">1002</Client></Dial>")
        #expect(events.first(.callback)?[.url]?.string == "https://app.example.com/ivr/status")
    }

    @Test func aRelativeAudioFileIsOnTheDocumentsServer() {
        let events = run("<Play>greeting.wav</Play><Play>/sounds/hold.wav</Play>")
        #expect(
            events.all(.play).map { $0[.file]?.string } == [
                "https://app.example.com/ivr/greeting.wav",
                "https://app.example.com/sounds/hold.wav",
            ])
    }

    @Test func withoutStatusCallbackEventNothingIsSent() {
        let events = run("<Dial><Client statusCallback=\"https://cb.example.com/s\">1002</Client></Dial>")
        #expect(events.first(.callback) == nil)
        #expect(events.first(.dial) != nil)
    }

    @Test func onlyTheFirstOfSeveralDestinationsIsDialled() {
        let events = Fixture.run("<Dial><Number>1002</Number><Number>1004</Number></Dial>")
        #expect(events.all(.dial).map { $0[.target]?.string } == ["1002"])
        #expect(events.first(.note)?[.message]?.string == "only the first destination is dialled: the one at line 2 is not")
    }
}
