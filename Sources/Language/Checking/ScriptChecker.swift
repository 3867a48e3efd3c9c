import Diagnostics
import Synchronization
import XMLParsing

/// Turns a parsed document into a `Script`, reporting every problem.
public enum ScriptChecker {
    public struct Result: Sendable {
        /// Nil when there is any error; warnings alone still give a script.
        public let script: Script?
        public let diagnostics: [Diagnostic]
    }

    public static func check(_ document: ParsedDocument) -> Result {
        var checker = Checker(file: document.file)
        return check(document, &checker)
    }

    /// With the caller's checker (one that records, for `LanguageSyntax`).
    static func check(_ document: ParsedDocument, _ checker: inout Checker) -> Result {
        let root = document.root
        guard root.prefix == nil, root.name == "Response" else {
            let hint: String
            if root.prefix == nil, root.name.lowercased() == "response" {
                hint = "did you mean <Response>? Element names are case-sensitive"
            } else if VerbList.syntaxes[root.name] != nil {
                hint = "this looks like a fragment: wrap it in <Response>…</Response>"
            } else {
                hint = "a ConneXML document is <Response> with verbs inside"
            }
            checker.error(
                .invalidRoot, "the root element must be <Response>, not <\(root.qualifiedName)>",
                at: root.position, hint: hint)
            return Result(script: nil, diagnostics: checker.diagnostics)
        }
        AttributeReader(root).finish(&checker)
        var before: [SetVariable] = []
        let verbs = VerbList.check(root, in: .response, &checker) { element, checker in
            before += Before.check(element, &checker)
        }
        let diagnostics = checker.diagnostics.sorted(by: Diagnostic.inSourceOrder)
        let script = diagnostics.hasErrors ? nil : Script(file: document.file, before: before, verbs: verbs)
        return Result(script: script, diagnostics: diagnostics)
    }

    /// Parses and checks in one step: the usual way in.
    public static func check(bytes: [UInt8], file: String, limits: ParseLimits = .localFile) -> Result {
        switch XMLParser.parse(bytes, file: file, limits: limits) {
        case .failure(let diagnostics): return Result(script: nil, diagnostics: diagnostics)
        case .document(let document): return check(document)
        }
    }
}

extension ScriptChecker {
    /// As `check(bytes:file:limits:)`, for the command line only (it keeps
    /// the last document on purpose), which exits once it has
    /// checked: the document's tree and script are freed when the next
    /// document is checked this way (before it is parsed, so memory stays
    /// at one document and the next file's bytes), and the last one not at
    /// all, since the process's
    /// exit gives its memory back at once. Freeing a large script's tree
    /// and model piece by piece was a tenth of `check`'s time (glibc
    /// coalescing a quarter of a million freed chunks).
    package static func checkBeforeExit(bytes: [UInt8], file: String, limits: ParseLimits = .localFile) -> Result {
        lastChecked.withLock { $0 = nil }  // the previous one, freed now
        switch XMLParser.parse(bytes, file: file, limits: limits) {
        case .failure(let diagnostics): return Result(script: nil, diagnostics: diagnostics)
        case .document(let document):
            let result = check(document)
            lastChecked.withLock { $0 = CheckedDocument(document: document, script: result.script) }
            return result
        }
    }

    private static let lastChecked = Mutex<CheckedDocument?>(nil)
}

/// What `checkBeforeExit` keeps of the last document it checked.
private struct CheckedDocument: Sendable {
    let document: ParsedDocument
    let script: Script?
}

/// The codes this file emits (their meanings for users: ScriptDiagnostics).
extension DiagnosticCode {
    /// The root element is not `<Response>`.
    static let invalidRoot: DiagnosticCode = "invalid-root"
}

extension ScriptChecker {
    /// The root element's reference text.
    static let responseReference = ElementReference(
        summary: "The root of every ConneXML document: its verbs run in document order, top to bottom.",
        run:
            "Runs the `<Set>`s of every `<Before>` first, then the verbs in order. When the last verb finishes, the call is hung up, unless a verb handed it elsewhere.",
        checks: ["Any other root element: error `invalid-root` (a fragment of verbs: \"wrap it in <Response>…</Response>\")."])
}
