import Foundation

/// A `<Condition expression>` compiled once. Most expressions in call flows
/// are anchored literals (`^1$`, `^(busy|no-answer)$`): those are matched by
/// comparing strings; anything else goes to NSRegularExpression (the engine
/// the language layer checked it with).
enum FieldMatcher: Sendable {
    case oneOf(Set<String>)
    case regex(NSRegularExpression)

    init?(_ pattern: String) {
        if let literals = Self.anchoredLiterals(pattern) {
            self = .oneOf(literals)
        } else if let regex = try? NSRegularExpression(pattern: pattern) {
            self = .regex(regex)
        } else {
            return nil
        }
    }

    func matches(_ value: String) -> Bool {
        switch self {
        case .oneOf(let literals):
            return literals.contains(value)
        case .regex(let regex):
            return regex.firstMatch(in: value, range: NSRange(value.startIndex..., in: value)) != nil
        }
    }

    /// `^abc$` or `^(abc|de)$` where every alternative is plain text (letters,
    /// digits, `_`, `-`, space): the set of whole values it matches.
    static func anchoredLiterals(_ pattern: String) -> Set<String>? {
        guard pattern.hasPrefix("^"), pattern.hasSuffix("$"), pattern.count >= 2 else { return nil }
        var body = pattern.dropFirst().dropLast()
        if body.hasPrefix("("), body.hasSuffix(")") {
            body = body.dropFirst().dropLast()
        } else if body.contains("|") {
            return nil  // ^a|b$ is (^a)|(b$), not an anchored choice
        }
        let alternatives = body.split(separator: "|", omittingEmptySubsequences: false)
        let plain = alternatives.allSatisfy { alternative in
            alternative.unicodeScalars.allSatisfy {
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" || $0 == " ")
            }
        }
        return plain ? Set(alternatives.map(String.init)) : nil
    }
}
