import Diagnostics
import Foundation
import XMLParsing

/// Collects the diagnostics of one document while its verbs are checked.
/// Every check reports and carries on, so one run lists every problem.
public struct Checker {
    public let file: String
    public private(set) var diagnostics: [Diagnostic] = []
    /// Regular expressions already compiled once in this document (scripts
    /// repeat the same `expression` across many `<Condition>`s).
    private var regularExpressions: [String: Bool] = [:]
    /// When not nil, what each element may hold is recorded here
    /// (`Vocabulary`, `LanguageSyntax`); nil while checking scripts.
    var recording: SyntaxRecording?

    /// Whether the document came over HTTP (its file is its URL): relative
    /// URLs in it resolve against that URL; a local file has none.
    let documentIsFetched: Bool

    public init(file: String) {
        self.file = file
        documentIsFetched = URLText.isWeb(file)
    }

    public mutating func error(_ code: DiagnosticCode, _ message: String, at position: SourcePosition?, hint: String? = nil) {
        diagnostics.append(Diagnostic(.error, code, message, file: file, at: position, hint: hint))
    }

    public mutating func warning(_ code: DiagnosticCode, _ message: String, at position: SourcePosition?, hint: String? = nil) {
        diagnostics.append(Diagnostic(.warning, code, message, file: file, at: position, hint: hint))
    }

    /// Whether `pattern` is a regular expression Swift can compile.
    mutating func isValidRegularExpression(_ pattern: String) -> Bool {
        // A pattern without a character that can open, close or quantify
        // anything is a literal (with anchors and dots at most), and every
        // literal compiles: no need to build ICU's tables, which costs a
        // one-file `check` a tenth of its time (RegularExpressionTests
        // checks this against NSRegularExpression); nor to look it up.
        if Self.isPlainPattern(pattern) { return true }
        if let known = regularExpressions[pattern] { return known }
        // The engine matches with NSRegularExpression: check with the same.
        let valid = (try? NSRegularExpression(pattern: pattern)) != nil
        regularExpressions[pattern] = valid
        return valid
    }

    static func isPlainPattern(_ pattern: String) -> Bool {
        !pattern.isEmpty
            && !pattern.withUTF8Bytes {
                $0.contains { byte in
                    switch byte {
                    case UInt8(ascii: "\\"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "("), UInt8(ascii: ")"),
                        UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"),
                        UInt8(ascii: "|"):
                        true
                    default: false
                    }
                }
            }
    }

    /// Reads a template; nil (after reporting what is wrong) when it is
    /// malformed, so callers do not pile further complaints on the same text.
    /// (`what` is built only for a message: this runs for every attribute.)
    mutating func template(_ text: String, at position: SourcePosition, in what: @autoclosure () -> String) -> Template? {
        switch Template.parse(text) {
        case .success(let template):
            return template
        case .failure(let failure):
            report(failure, at: position, in: what())
            return nil
        }
    }

    private mutating func report(_ failure: TemplateError, at position: SourcePosition, in what: String) {
        switch failure.kind {
        case .unclosed(let opener):
            error(
                .templateSyntax, "template in \(what) opens '\(opener)' but never closes it",
                at: position, hint: opener == "{{" ? "close it with '}}'" : "close it with '}'")
        case .emptyExpression:
            error(.templateSyntax, "empty template expression in \(what)", at: position, hint: "write {{ name }} or ${name}")
        case .invalidVariableName(let name):
            error(
                .templateSyntax, "'\(name)' is not a variable name (in \(what))", at: position,
                hint: "variable names are letters, digits, '_', '-' and '.', starting with a letter or '_'")
        case .unknownFunction(let name):
            let hint =
                Suggestions.closest(to: name, among: Template.functions).map { "did you mean '\($0)'?" }
                ?? "the only template function is {{ substring NAME START [LENGTH] }}"
            error(.unknownTemplateFunction, "unknown template function '\(name)' in \(what)", at: position, hint: hint)
        case .badSubstring(let usage):
            error(
                .templateSyntax, "substring in \(what) is written {{ \(usage) }}", at: position,
                hint: "START and LENGTH are whole numbers; START counts from 0")
        }
    }
}

/// The codes this file emits (their meanings for users: ScriptDiagnostics).
extension DiagnosticCode {
    /// A malformed template.
    static let templateSyntax: DiagnosticCode = "template-syntax"
    /// A template function other than substring.
    static let unknownTemplateFunction: DiagnosticCode = "unknown-template-function"
    /// A setting that does nothing where it stands (several verbs emit it).
    static let noEffect: DiagnosticCode = "no-effect"
}
