import Foundation

/// A `<Condition expression>` compiled once. FreeSWITCH matches it with PCRE
/// anywhere in the field's value (mod_dialplan_xml: switch_regex_perform,
/// unanchored), so `1` also matches `21`; NSRegularExpression's firstMatch
/// does the same. Most expressions in call flows are anchored literals
/// (`^1$`, `^(busy|no-answer)$`): those are matched by comparing strings
/// whenever that gives the regular expression's answer.
enum FieldMatcher: Sendable {
    /// The whole values an anchored choice of plain alternatives matches,
    /// and the expression itself for values a comparison cannot settle.
    case oneOf(Literals, NSRegularExpression)
    case regex(NSRegularExpression)

    init?(_ pattern: String) {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return nil }
        if let literals = Self.anchoredLiterals(pattern) {
            self = .oneOf(Literals(literals), regex)
        } else {
            self = .regex(regex)
        }
    }

    func matches(_ value: String) -> Bool {
        switch self {
        case .oneOf(let literals, let regex):
            return Self.isSettledByComparison(value) ? literals.contains(value) : Self.firstMatch(regex, in: value)
        case .regex(let regex):
            return Self.firstMatch(regex, in: value)
        }
    }

    private static func firstMatch(_ regex: NSRegularExpression, in value: String) -> Bool {
        regex.firstMatch(in: value, range: NSRange(value.startIndex..., in: value)) != nil
    }

    /// ASCII without a line terminator at its end: then `^(a|b)$` matches
    /// exactly the values equal to `a` or `b`. Otherwise `$` may match
    /// before a final line break (PCRE and ICU both do, for "1\n"), and Swift
    /// compares non-ASCII text by canonical equivalence (U+212A KELVIN SIGN
    /// equals "K") where a regular expression compares code points.
    private static func isSettledByComparison(_ value: String) -> Bool {
        let bytes = value.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return false }
        guard let last = bytes.last else { return true }
        return !(0x0A...0x0D).contains(last)  // \n, \v, \f, \r: ICU's ASCII line terminators
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

/// The values an anchored choice matches. A few (most choices have one to
/// three) are compared one by one: hashing the value cost more than that,
/// for every Condition of every call.
struct Literals: Sendable {
    private let few: [String]?
    private let many: Set<String>

    init(_ values: Set<String>) {
        many = values
        few = values.count <= 8 ? Array(values) : nil
    }

    func contains(_ value: String) -> Bool {
        if let few { return few.contains(value) }
        return many.contains(value)
    }
}
