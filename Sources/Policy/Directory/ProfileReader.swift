import Diagnostics
import YAMLFields
import Yams

/// One entry of `profiles:`: name, capacity, flags, barge group, dial rules.
enum ProfileReader {
    static func read(_ node: Node, at path: String, _ fields: inout YAMLFields) -> Profile? {
        guard let entry = fields.mapping(node, at: path, known: DirectoryLoader.profileKeys) else { return nil }
        let name = fields.required(entry, "name", at: path, in: node, what: "the profile's name")
        let nameIsValid = name.map { fields.plainName($0, at: "\(path).name", node: entry["name"]?.value) } ?? false

        var capacity = Profile.defaultCapacity
        if let text = fields.text(entry["capacity"]?.value, at: "\(path).capacity") {
            if let n = Int(text), n >= 1, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                capacity = n
            } else {
                fields.error(
                    DirectoryLoader.code(.invalidValue),
                    "\(path).capacity: expected a whole number of at least 1, found '\(text)'",
                    at: entry["capacity"]?.value, hint: "capacity is how many users of the profile may be active at once")
            }
        }

        var flags = Set<Flag>()
        for (i, flagNode) in fields.list(entry["flags"]?.value, at: "\(path).flags").enumerated() {
            guard let text = fields.text(flagNode, at: "\(path).flags[\(i + 1)]") else { continue }
            guard let flag = Flag(rawValue: text) else {
                let hint =
                    Suggestions.closest(to: text, among: Flag.allCases.map(\.rawValue)).map { "did you mean '\($0)'?" }
                    ?? "flags: " + Flag.allCases.map(\.rawValue).joined(separator: ", ")
                fields.error(
                    DirectoryLoader.code(.unknownFlag), "\(path).flags: unknown flag '\(text)'", at: flagNode, hint: hint)
                continue
            }
            if !flags.insert(flag).inserted {
                fields.warning(DirectoryLoader.code(.duplicateFlag), "\(path).flags: '\(text)' is listed twice", at: flagNode)
            }
        }

        let group = fields.text(entry["barge_group"]?.value, at: "\(path).barge_group")
        let groupIsValid =
            group.map { fields.plainName($0, at: "\(path).barge_group", node: entry["barge_group"]?.value) } ?? true

        var rules: [DialRule] = []
        for (i, ruleNode) in fields.list(entry["dial"]?.value, at: "\(path).dial").enumerated() {
            let rulePath = "\(path).dial[\(i + 1)]"
            guard case .mapping(let mapping) = ruleNode, mapping.count == 1, let (key, value) = mapping.first,
                let keyText = key.scalar?.string, let effect = DialRule.Effect(rawValue: keyText)
            else {
                fields.error(
                    DirectoryLoader.code(.structure), "\(rulePath): expected 'allow: PATTERN' or 'deny: PATTERN'", at: ruleNode)
                continue
            }
            guard let source = fields.text(value, at: rulePath), !source.isEmpty else {
                fields.error(
                    DirectoryLoader.code(.invalidPattern), "\(rulePath): the pattern after '\(effect.rawValue):' is empty",
                    at: ruleNode)
                continue
            }
            do {
                rules.append(DialRule(effect: effect, pattern: try DialPattern(source)))
            } catch {
                fields.error(DirectoryLoader.code(.invalidPattern), "\(rulePath): \(error.message)", at: value, hint: error.hint)
            }
        }
        guard let name, nameIsValid, groupIsValid else { return nil }
        return Profile(name: name, capacity: capacity, flags: flags, bargeGroup: group, dialRules: rules)
    }
}

extension FieldProblem {
    /// A flag that does not exist.
    public static let unknownFlag = FieldProblem("unknown-flag")
    /// A flag listed twice in one profile.
    public static let duplicateFlag = FieldProblem("duplicate-flag")
    /// A malformed dial pattern.
    public static let invalidPattern = FieldProblem("invalid-pattern")
}
