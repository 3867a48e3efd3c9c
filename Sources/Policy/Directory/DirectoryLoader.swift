import Diagnostics
import YAMLFields
import Yams

/// Reads a directory file (YAML) and validates it as a whole: every problem
/// is listed with its line, column and field, and a directory with any
/// error is refused (policy.md: nothing runs against a half-valid one).
public enum DirectoryLoader {
    /// Its codes are `directory-` and the kind of problem (`FieldProblem`).
    static let codePrefix = "directory"

    /// A directory's code for a kind of problem: `directory-structure`, …
    public static func code(_ problem: FieldProblem) -> DiagnosticCode { problem.code(prefix: codePrefix) }

    public struct Result: Sendable {
        public let directory: Directory?
        public let diagnostics: [Diagnostic]
    }

    /// Directory files larger than this are refused unread.
    public static let maximumBytes = 4 << 20

    static let topLevelKeys = ["emergency", "default_profile", "customers", "profiles", "users"]
    static let customerKeys = ["name"]
    static let profileKeys = ["name", "capacity", "flags", "barge_group", "dial"]
    static let userKeys = ["username", "profile", "customer", "extension", "password"]

    public static func load(bytes: [UInt8], file: String) -> Result {
        guard bytes.count <= maximumBytes else {
            return Result(
                directory: nil,
                diagnostics: [
                    Diagnostic(
                        .error, code(.tooLarge),
                        "the directory is larger than the limit of \(maximumBytes) bytes", file: file, at: nil)
                ])
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return Result(
                directory: nil,
                diagnostics: [
                    Diagnostic(
                        .error, code(.syntax),
                        "the directory is not UTF-8 text", file: file, at: nil, hint: "save it as UTF-8")
                ])
        }
        return load(text: text, file: file)
    }

    public static func load(text: String, file: String) -> Result {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            return Result(
                directory: nil,
                diagnostics: [
                    YAMLFields.syntaxDiagnostic(
                        error, file: file, code: code(.syntax), duplicateCode: code(.duplicate))
                ])
        }
        var fields = YAMLFields(file: file, codePrefix: codePrefix)
        guard let root else {
            fields.error(code(.missingField), "the directory is empty: it needs at least profiles and users", at: nil)
            return Result(directory: nil, diagnostics: fields.diagnostics)
        }
        let directory = read(root, &fields)
        let diagnostics = fields.diagnostics.enumerated().sorted { a, b in
            // In source order; problems of the file as a whole last; ties keep reading order.
            let pa = a.element.position ?? SourcePosition(line: .max, column: 0)
            let pb = b.element.position ?? SourcePosition(line: .max, column: 0)
            return (pa.line, pa.column, a.offset) < (pb.line, pb.column, b.offset)
        }.map(\.element)
        return Result(directory: diagnostics.hasErrors ? nil : directory, diagnostics: diagnostics)
    }

    private static func read(_ root: Node, _ fields: inout YAMLFields) -> Directory? {
        guard let top = fields.mapping(root, at: "the directory", known: topLevelKeys) else { return nil }

        var customers: [Customer] = []
        var customerNodes: [String: Node] = [:]
        for (i, node) in fields.list(top["customers"]?.value, at: "customers").enumerated() {
            let path = "customers[\(i + 1)]"
            guard let entry = fields.mapping(node, at: path, known: customerKeys),
                let name = fields.required(entry, "name", at: path, in: node, what: "the customer's name"),
                fields.plainName(name, at: "\(path).name", node: entry["name"]?.value)
            else { continue }
            if customerNodes[name] != nil {
                fields.error(
                    code(.duplicate), "\(path).name: customer '\(name)' is defined twice", at: entry["name"]?.value,
                    hint: "first defined at line \(fields.position(of: customerNodes[name])?.line ?? 0)")
                continue
            }
            customerNodes[name] = entry["name"]?.value
            customers.append(Customer(name: name))
        }

        var profiles: [Profile] = []
        var profileNodes: [String: Node] = [:]
        for (i, node) in fields.list(top["profiles"]?.value, at: "profiles").enumerated() {
            guard !fields.isFull else { break }
            guard let profile = ProfileReader.read(node, at: "profiles[\(i + 1)]", &fields) else { continue }
            if let first = profileNodes[profile.name] {
                fields.error(
                    code(.duplicate), "profiles[\(i + 1)].name: profile '\(profile.name)' is defined twice", at: node,
                    hint: "first defined at line \(fields.position(of: first)?.line ?? 0)")
                continue
            }
            profileNodes[profile.name] = node
            profiles.append(profile)
        }
        if top["profiles"] == nil {
            fields.error(
                code(.missingField), "the directory has no profiles", at: root,
                hint: "add profiles: with at least one profile")
        }

        var users: [User] = []
        var userNodes: [String: Node] = [:]
        for (i, node) in fields.list(top["users"]?.value, at: "users").enumerated() {
            guard !fields.isFull else { break }
            let path = "users[\(i + 1)]"
            guard let entry = fields.mapping(node, at: path, known: userKeys) else { continue }
            let username = fields.required(entry, "username", at: path, in: node, what: "the SIP username")
            let profile = fields.required(entry, "profile", at: path, in: node, what: "the name of the user's SIP profile")
            let customer = fields.required(
                entry, "customer", at: path, in: node, what: "the customer (tenant) the user belongs to")
            let extensionNumber = fields.text(entry["extension"]?.value, at: "\(path).extension")
            let password = fields.text(entry["password"]?.value, at: "\(path).password")
            if let profile, profileNodes[profile] == nil {
                fields.error(
                    code(.unknownReference), "\(path).profile: no profile named '\(profile)'", at: entry["profile"]?.value,
                    hint: Suggestions.closest(to: profile, among: profileNodes.keys).map { "did you mean '\($0)'?" })
            }
            if let customer, customerNodes[customer] == nil {
                fields.error(
                    code(.unknownReference), "\(path).customer: no customer named '\(customer)'",
                    at: entry["customer"]?.value,
                    hint: Suggestions.closest(to: customer, among: customerNodes.keys).map { "did you mean '\($0)'?" })
            }
            guard let username, let profile, let customer else { continue }
            if let first = userNodes[username] {
                fields.error(
                    code(.duplicate), "\(path).username: user '\(username)' is defined twice", at: entry["username"]?.value,
                    hint: "first defined at line \(fields.position(of: first)?.line ?? 0)")
                continue
            }
            userNodes[username] = entry["username"]?.value
            users.append(
                User(
                    username: username, profile: profile, customer: customer,
                    extensionNumber: extensionNumber, password: password))
        }

        var emergency: [String] = []
        for (i, node) in fields.list(top["emergency"]?.value, at: "emergency").enumerated() {
            guard let number = fields.text(node, at: "emergency[\(i + 1)]") else { continue }
            guard let pattern = try? DialPattern(number), !number.hasPrefix("_"), pattern.matches(number) else {
                fields.error(
                    code(.invalidValue), "emergency[\(i + 1)]: '\(number)' is not a number", at: node,
                    hint: "emergency numbers are exact numbers such as 112, not patterns")
                continue
            }
            emergency.append(number)
        }

        let defaultProfile = fields.text(top["default_profile"]?.value, at: "default_profile")
        if let defaultProfile, profileNodes[defaultProfile] == nil {
            fields.error(
                code(.unknownReference), "default_profile: no profile named '\(defaultProfile)'",
                at: top["default_profile"]?.value,
                hint: Suggestions.closest(to: defaultProfile, among: profileNodes.keys).map { "did you mean '\($0)'?" })
        }
        return Directory(
            customers: customers, profiles: profiles, users: users,
            emergencyNumbers: emergency, defaultProfile: defaultProfile)
    }
}

extension FieldProblem {
    /// A user or `default_profile` names a profile or customer that does not exist.
    public static let unknownReference = FieldProblem("unknown-reference")
}
