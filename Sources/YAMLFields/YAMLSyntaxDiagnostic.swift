import Diagnostics
import Yams

/// One located diagnostic for a YAML file that Yams could not compose.
///
/// Yams's own descriptions are not fit to print: a duplicate key's carries
/// the whole file (3 MB for a 3 MB directory), the others a snippet over
/// several lines. Here every error is one line, `file:line:col`, naming what
/// is wrong.
extension YAMLFields {
    /// - Parameters:
    ///   - code: for syntax errors (`scenario-syntax`).
    ///   - duplicateCode: for a key given twice; by default the syntax code's
    ///     prefix with `-duplicate` (`scenario-duplicate`), the code
    ///     `mapping(_:at:known:)` uses for the same mistake.
    public static func syntaxDiagnostic(
        _ error: Error, file: String, code: DiagnosticCode,
        duplicateCode: DiagnosticCode? = nil
    ) -> Diagnostic {
        guard let yaml = error as? YamlError else {
            return Diagnostic(.error, code, "the file is not valid YAML", file: file, at: nil)
        }
        switch yaml {
        case .scanner(let context, let problem, let mark, let text), .parser(let context, let problem, let mark, let text),
            .composer(let context, let problem, let mark, let text):
            return Diagnostic(
                .error, code, "YAML: " + describe(problem, context: context, at: mark),
                file: file, at: SourcePosition(line: mark.line, column: mark.column),
                hint: isTab(at: mark, in: text) ? "YAML indents with spaces; a tab cannot indent or start anything" : nil)
        case .reader(let problem, let offset, _, let text):
            return Diagnostic(
                .error, code, "YAML: \(oneLine(problem))", file: file,
                at: offset.flatMap { position(ofByte: $0, in: text) })
        case .duplicatedKeysInMapping(let keys, let context):
            let duplicate = duplicateCode ?? derivedDuplicateCode(from: code)
            return DuplicateKeyFinder.diagnostic(
                keys: keys, first: context.mark, yaml: context.text,
                file: file, code: duplicate)
        case .dataCouldNotBeDecoded:
            return Diagnostic(.error, code, "the file is not text in a known encoding", file: file, at: nil)
        default:
            // Errors of writing YAML, or of memory: nothing that names the file's contents.
            return Diagnostic(.error, code, "YAML: \(oneLine(yaml.description))", file: file, at: nil)
        }
    }

    /// libyaml's problem, with where the construct it was reading began when
    /// that is elsewhere ("while scanning a quoted scalar" that began on an
    /// earlier line, for an unterminated quote).
    private static func describe(_ problem: String, context: YamlError.Context?, at mark: Mark) -> String {
        guard let context else { return oneLine(problem) }
        let started = context.mark
        let place =
            started.line == mark.line && started.column == mark.column
            ? "" : " that began at line \(started.line), column \(started.column)"
        return "\(oneLine(problem)) \(oneLine(context.text))\(place)"
    }

    /// A tab where libyaml stopped: its message ("cannot start any token")
    /// does not say so.
    private static func isTab(at mark: Mark, in text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        return YAMLText.index(line: mark.line, column: mark.column, in: scalars).map { scalars[$0] == "\t" } ?? false
    }

    private static func derivedDuplicateCode(from code: DiagnosticCode) -> DiagnosticCode {
        let raw = code.rawValue
        guard let dash = raw.lastIndex(of: "-") else { return code }
        return DiagnosticCode(rawValue: String(raw[..<dash]) + "-duplicate")
    }

    /// Line breaks and other control characters as spaces: a diagnostic is one line.
    static func oneLine(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map {
                    $0.properties.generalCategory == .control ? " " : $0
                }))
    }

    /// The line and column (in characters) of a byte offset of the UTF-8 text.
    static func position(ofByte offset: Int, in text: String) -> SourcePosition? {
        let bytes = text.utf8
        guard offset >= 0, offset <= bytes.count else { return nil }
        var line = 1
        var column = 1
        for byte in bytes.prefix(offset) {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return SourcePosition(line: line, column: column)
    }
}
