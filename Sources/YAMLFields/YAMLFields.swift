import Diagnostics
import Yams

/// Reading YAML nodes as typed fields of a configuration file (the
/// directory, scenarios), reporting each problem with the node's position and
/// the field's path (`profiles[2].capacity`), and never more than a bounded
/// number of them.
public struct YAMLFields {
    public let file: String
    public private(set) var diagnostics: [Diagnostic] = []
    /// A hostile file could produce a problem per node; stop listing at this.
    public static let maximumProblems = 200

    /// Codes are "PREFIX-KIND": `directory-structure`, `scenario-structure`.
    public let codePrefix: String

    public init(file: String, codePrefix: String) {
        self.file = file
        self.codePrefix = codePrefix
    }

    /// The code of a kind of problem in this kind of file (`directory-structure`).
    public func code(_ problem: FieldProblem) -> DiagnosticCode { problem.code(prefix: codePrefix) }

    public var isFull: Bool { diagnostics.count >= Self.maximumProblems }

    public mutating func error(_ code: DiagnosticCode, _ message: String, at node: Node?, hint: String? = nil) {
        guard diagnostics.count < Self.maximumProblems else { return }
        diagnostics.append(Diagnostic(.error, code, message, file: file, at: position(of: node), hint: hint))
        if diagnostics.count == Self.maximumProblems {
            diagnostics.append(
                Diagnostic(
                    .error, self.code(.tooManyProblems),
                    "stopped after \(Self.maximumProblems) problems", file: file, at: nil))
        }
    }

    public mutating func warning(_ code: DiagnosticCode, _ message: String, at node: Node?, hint: String? = nil) {
        guard diagnostics.count < Self.maximumProblems else { return }
        diagnostics.append(Diagnostic(.warning, code, message, file: file, at: position(of: node), hint: hint))
    }

    public func position(of node: Node?) -> SourcePosition? {
        node?.mark.map { SourcePosition(line: $0.line, column: $0.column) }
    }

    /// The pairs of a mapping with only `known` keys; unknown keys are
    /// errors with a did-you-mean hint.
    public mutating func mapping(_ node: Node, at path: String, known: [String]) -> [String: (key: Node, value: Node)]? {
        guard case .mapping(let mapping) = node else {
            error(
                code(.structure), "\(path): expected a mapping of \(known.joined(separator: ", ")), found \(describe(node))",
                at: node)
            return nil
        }
        var result: [String: (key: Node, value: Node)] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                error(code(.structure), "\(path): keys are plain names", at: key)
                continue
            }
            guard known.contains(name) else {
                let hint =
                    Suggestions.closest(to: name, among: known).map { "did you mean '\($0)'?" }
                    ?? "known keys: \(known.joined(separator: ", "))"
                error(code(.structure), "\(path): unknown key '\(name)'", at: key, hint: hint)
                continue
            }
            if result[name] != nil {
                error(code(.duplicate), "\(path): key '\(name)' is given twice", at: key)
                continue
            }
            result[name] = (key, value)
        }
        return result
    }

    /// The items of a list (an absent or empty value is an empty list).
    public mutating func list(_ node: Node?, at path: String) -> [Node] {
        guard let node, !isNull(node) else { return [] }
        guard case .sequence(let sequence) = node else {
            error(
                code(.structure), "\(path): expected a list, found \(describe(node))", at: node,
                hint: "write a list as [a, b] or with one '- item' per line")
            return []
        }
        return Array(sequence)
    }

    /// A scalar's text; nil (after reporting) for a list or mapping. An
    /// empty or null value is nil without a report: the caller decides
    /// whether the field is required.
    public mutating func text(_ node: Node?, at path: String) -> String? {
        guard let node, !isNull(node) else { return nil }
        guard case .scalar(let scalar) = node else {
            error(code(.structure), "\(path): expected a single value, found \(describe(node))", at: node)
            return nil
        }
        return scalar.string
    }

    /// A required scalar.
    public mutating func required(
        _ fields: [String: (key: Node, value: Node)], _ name: String, at path: String, in node: Node,
        what: String
    ) -> String? {
        guard let entry = fields[name] else {
            error(code(.missingField), "\(path): \(name) is required (\(what))", at: node)
            return nil
        }
        guard let value = text(entry.value, at: "\(path).\(name)") else {
            if isNull(entry.value) { error(code(.missingField), "\(path): \(name) is empty (\(what))", at: entry.key) }
            return nil
        }
        return value
    }

    /// A plain-text name (`^[a-z_0-9]+$`).
    public mutating func plainName(_ value: String, at path: String, node: Node?) -> Bool {
        guard PlainName.isValid(value) else {
            let hint = PlainName.suggestion(for: value).map { "did you mean '\($0)'?" }
            error(
                code(.invalidName), "\(path): '\(value)' is not a valid name: use lowercase letters, digits and _ only",
                at: node, hint: hint)
            return false
        }
        return true
    }

    public func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node else { return false }
        return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    public func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let s): "'\(s.string.count > 30 ? String(s.string.prefix(27)) + "..." : s.string)'"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }
}
