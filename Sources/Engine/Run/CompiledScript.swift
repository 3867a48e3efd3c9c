import Diagnostics
import Foundation
import Language
import XMLParsing

/// A script ready to run many calls: parsed and checked once, its
/// `<Condition>` expressions compiled once. Nothing per call re-reads it.
public struct CompiledScript: Sendable {
    /// Everything, in one object: every call copies the script it runs
    /// (and a hand-over the one it goes to), which is then one retain.
    private final class Storage: Sendable {
        let script: Script
        let warnings: [Diagnostic]
        // The compiled `<Condition>` expressions (`matcher(for:)`); when there
        // are a few, also as a list, found by comparing the pattern with each,
        // which for the very string the script holds is one instruction or two
        // (hashing it cost more, for every Condition of every call).
        let expressions: [String: FieldMatcher]
        let fewExpressions: [(pattern: String, matcher: FieldMatcher)]?
        let isFetched: Bool

        init(_ script: Script, warnings: [Diagnostic]) {
            self.script = script
            self.warnings = warnings
            self.isFetched = URLText.isWeb(script.file)
            var expressions: [String: FieldMatcher] = [:]
            CompiledScript.collectExpressions(script.verbs, into: &expressions)
            self.expressions = expressions
            self.fewExpressions = expressions.count <= 8 ? expressions.map { ($0.key, $0.value) } : nil
        }
    }

    private let storage: Storage

    public var script: Script { _read { yield storage.script } }
    /// Warnings from checking (a script with errors never compiles).
    public var warnings: [Diagnostic] { _read { yield storage.warnings } }

    public var file: String { _read { yield storage.script.file } }
    /// Whether the document was fetched over HTTP: its relative references
    /// (callbacks, audio) then resolve against its URL. Decided once here,
    /// not on every Play of every call.
    public var isFetched: Bool { storage.isFetched }

    public init(_ script: Script, warnings: [Diagnostic] = []) {
        storage = Storage(script, warnings: warnings)
    }

    /// The compiled `<Condition expression>` `pattern` (nil: none compiled).
    func matcher(for pattern: String) -> FieldMatcher? {
        guard let fewExpressions = storage.fewExpressions else { return storage.expressions[pattern] }
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
    fileprivate static func collectExpressions(_ verbs: [Verb], into expressions: inout [String: FieldMatcher]) {
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
