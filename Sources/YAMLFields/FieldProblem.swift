import Diagnostics

/// A kind of problem any configuration file can have. Each kind of file
/// names it with its own prefix (`directory-structure`,
/// `scenario-structure`): `YAMLFields.code(_:)`. The kinds only one file
/// has are declared beside the loader that reports them.
public struct FieldProblem: Hashable, Sendable {
    public let name: String

    public init(_ name: String) { self.name = name }

    /// Its code in the kind of file `prefix` names (`directory`).
    public func code(prefix: String) -> DiagnosticCode { DiagnosticCode(rawValue: "\(prefix)-\(name)") }

    /// A field of the wrong kind (a list where a mapping belongs), or an unknown key.
    public static let structure = FieldProblem("structure")
    /// A key given twice.
    public static let duplicate = FieldProblem("duplicate")
    /// A required field absent or empty.
    public static let missingField = FieldProblem("missing-field")
    /// A name that is not a plain name.
    public static let invalidName = FieldProblem("invalid-name")
    /// A value out of range or malformed.
    public static let invalidValue = FieldProblem("invalid-value")
    /// Reporting stopped after the limit of problems per file.
    public static let tooManyProblems = FieldProblem("too-many-problems")
    /// Not YAML (or not UTF-8).
    public static let syntax = FieldProblem("syntax")
    /// Over the size limit.
    public static let tooLarge = FieldProblem("too-large")
}
