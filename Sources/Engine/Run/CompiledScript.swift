import Diagnostics
import Foundation
import Language
import XMLParsing

/// A script ready to run many calls: parsed and checked once, its
/// `<Condition>` expressions compiled once. Nothing per call re-reads it.
public struct CompiledScript: Sendable {
    public let script: Script
    /// Warnings from checking (a script with errors never compiles).
    public let warnings: [Diagnostic]
    private let expressions: [String: FieldMatcher]
    /// The same, when there are a few: found by comparing the pattern with
    /// each, which for the very string the script holds is one instruction
    /// or two (hashing it cost more, for every Condition of every call).
    private let fewExpressions: [(pattern: String, matcher: FieldMatcher)]?

    public var file: String { script.file }
    /// Whether the document was fetched over HTTP: its relative references
    /// (callbacks, audio) then resolve against its URL. Decided once here,
    /// not on every Play of every call.
    public let isFetched: Bool

    public init(_ script: Script, warnings: [Diagnostic] = []) {
        self.script = script
        self.warnings = warnings
        self.isFetched = URLText.isWeb(script.file)
        var expressions: [String: FieldMatcher] = [:]
        Self.collectExpressions(script.verbs, into: &expressions)
        self.expressions = expressions
        self.fewExpressions = expressions.count <= 8 ? expressions.map { ($0.key, $0.value) } : nil
    }

    /// The compiled `<Condition expression>` `pattern` (nil: none compiled).
    func matcher(for pattern: String) -> FieldMatcher? {
        guard let fewExpressions else { return expressions[pattern] }
        return fewExpressions.first { $0.pattern == pattern }?.matcher
    }

    /// Parses, checks and compiles; the diagnostics when it cannot.
    public static func compile(bytes: [UInt8], file: String, limits: ParseLimits = .localFile) -> Result<
        CompiledScript, CompileFailure
    > {
        let checked = ScriptChecker.check(bytes: bytes, file: file, limits: limits)
        guard let script = checked.script else { return .failure(CompileFailure(diagnostics: checked.diagnostics)) }
        return .success(CompiledScript(script, warnings: checked.diagnostics))
    }

    /// Every `<Condition match>` pattern of the script, nested ones too,
    /// compiled once.
    private static func collectExpressions(_ verbs: [Verb], into expressions: inout [String: FieldMatcher]) {
        verbs.forEachVerb { verb in
            guard case .condition(let condition) = verb, let pattern = condition.match?.expression,
                expressions[pattern] == nil
            else { return }
            // Checked to compile by the language layer.
            expressions[pattern] = FieldMatcher(pattern)
        }
    }
}

/// Why a script (or a document handed over to) could not be compiled.
public struct CompileFailure: Error, Sendable {
    public let diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}
