import Engine
import Fetching
import Language
import Testing

/// A document handed over to (fetched over HTTP, or local) that checks with
/// warnings: the platform ignores what they name, and the trace says so.
@Suite struct HandOverWarningTests {
    struct WebApplication: DocumentSource {
        func document(_ reference: String, from file: String, method: HTTPMethod,
                      parameters: [(String, String)]) -> Result<CompiledScript, DocumentFailure> {
            // TwiML's Dial action: ConneXML ignores it.
            let xml = "<Response>\n  <Dial action=\"/after-dial\">1002</Dial>\n</Response>"
            return CompiledScript.compile(bytes: Array(xml.utf8), file: reference).mapError { DocumentFailure(message: "\($0)") }
        }
    }

    @Test func warningsOfTheNewDocumentAreTraced() {
        let events = Fixture.run("<Redirect>https://app.example.com/next</Redirect>", documents: WebApplication())
        let warning = events.first { $0.name == "warning" }
        #expect(warning?["url"]?.string == "https://app.example.com/next")
        #expect(warning?["code"]?.string == "unsupported-attribute")
        #expect(warning?.line == 2)
        #expect(warning?.file == "https://app.example.com/next")
        // After the document event, before what the document does.
        let names = events.names
        #expect(names.firstIndex(of: "warning")! > names.firstIndex(of: "document")!)
        #expect(names.firstIndex(of: "warning")! < names.firstIndex(of: "dial")!)
    }
}
