/// How bad a problem is. Errors stop a script from running; warnings do not.
public enum Severity: String, Sendable, Hashable, Codable {
    case error
    case warning
}

/// A stable, machine-readable name for a kind of problem (`unknown-element`,
/// `bare-ampersand`, ...). Teams grep and suppress by code, so a code, once
/// published in docs/checking.md, is never renamed.
public struct DiagnosticCode: RawRepresentable, Sendable, Hashable, Comparable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// One problem found in a file: where, how bad, which kind, what is wrong,
/// and (when there is one) what to do about it. A value: layers create it,
/// only the command-line tool renders it.
public struct Diagnostic: Sendable, Hashable {
    public var severity: Severity
    public var code: DiagnosticCode
    public var message: String
    /// The file as the user named it.
    public var file: String
    /// Where in the file; nil when the problem is with the file as a whole.
    public var position: SourcePosition?
    /// A suggestion ("did you mean <Say>?"), rendered as a note.
    public var hint: String?

    public init(
        _ severity: Severity, _ code: DiagnosticCode, _ message: String,
        file: String, at position: SourcePosition?, hint: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.file = file
        self.position = position
        self.hint = hint
    }

    /// Diagnostics sort by file, then position, so output is stable.
    public static func inSourceOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        if a.file != b.file { return a.file < b.file }
        let pa = a.position ?? SourcePosition(line: 0, column: 0)
        let pb = b.position ?? SourcePosition(line: 0, column: 0)
        if pa != pb { return pa < pb }
        return a.code < b.code
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
