import Diagnostics
import Language
import Testing
import XMLParsing

/// The outcome of checking a script: the script (nil on any error) and its
/// diagnostics, with helpers for the assertions the tests make.
struct Checked {
    let script: Script?
    let diagnostics: [Diagnostic]

    var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
    var codes: [String] { diagnostics.map(\.code.rawValue) }
    var verbs: [Verb] { script?.verbs ?? [] }
}

/// Checks `verbs` inside `<Response>…</Response>`; `file` is its name, or
/// its URL for a document fetched over HTTP.
func check(verbs: String, file: String = "test.xml") -> Checked {
    check(document: "<Response>\n\(verbs)\n</Response>", file: file)
}

func check(document: String, file: String = "test.xml") -> Checked {
    let result = ScriptChecker.check(bytes: Array(document.utf8), file: file)
    return Checked(script: result.script, diagnostics: result.diagnostics)
}

/// The single verb of a one-verb script, expecting no errors.
func onlyVerb(_ xml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Verb? {
    let checked = check(verbs: xml)
    #expect(checked.errors.isEmpty, "\(checked.errors)", sourceLocation: sourceLocation)
    #expect(checked.verbs.count == 1, sourceLocation: sourceLocation)
    return checked.verbs.first
}

/// Whether a value attribute accepts `value`: no errors when it does, one
/// `invalid-value` error when it does not.
func accepts(
    _ element: String, _ attribute: String, _ value: String, content: String? = nil,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> Bool {
    let xml =
        content.map { "<\(element) \(attribute)=\"\(value)\">\($0)</\(element)>" } ?? "<\(element) \(attribute)=\"\(value)\"/>"
    let checked = check(verbs: xml)
    if checked.errors.isEmpty { return true }
    #expect(checked.codes == ["invalid-value"], "\(checked.diagnostics)", sourceLocation: sourceLocation)
    return false
}

extension Setting {
    var value: Value? { fixedValue }
}
