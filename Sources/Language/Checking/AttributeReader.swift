import Diagnostics
import XMLParsing

/// Reads the attributes of one element into typed settings. Every attribute
/// a verb reads is "known"; whatever is left at `finish` is reported as
/// unknown, with a did-you-mean among the known ones. So the list of a verb's
/// attributes is written once, where it reads them.
struct AttributeReader {
    let element: Element
    private var known: [String] = []
    private var handled: Set<String> = []

    init(_ element: Element) { self.element = element }

    private var what: String { "<\(element.name)>" }

    /// An attribute with a default: the default when absent (not explicit).
    mutating func value<V>(_ name: String, _ kind: ValueKind<V>, default defaultValue: V, _ checker: inout Checker) -> Setting<V> {
        optional(name, kind, &checker) ?? Setting(defaultValue, explicit: false, kind: kind)
    }

    /// An attribute without a default: nil when absent (or invalid).
    mutating func optional<V>(_ name: String, _ kind: ValueKind<V>, _ checker: inout Checker) -> Setting<V>? {
        known.append(name)
        guard let attribute = element.attribute(name) else { return nil }
        handled.insert(name)
        return setting(of: attribute, kind, &checker)
    }

    /// An attribute that must be present.
    mutating func required<V>(_ name: String, _ kind: ValueKind<V>, _ checker: inout Checker) -> Setting<V>? {
        let result = optional(name, kind, &checker)
        if element.attribute(name) == nil {
            checker.error("missing-attribute", "\(what) needs a \(name) attribute", at: element.position,
                          hint: "\(name) is \(kind.expected)")
        }
        return result
    }

    /// A raw text attribute read as a template (names, values of `Set`).
    mutating func template(_ name: String, _ checker: inout Checker) -> Template? {
        known.append(name)
        guard let attribute = element.attribute(name) else { return nil }
        handled.insert(name)
        return checker.template(attribute.value, at: attribute.position, in: "\(name) of \(what)")
    }

    /// Reads `alias` as `name`, with a warning (a documented misspelling).
    mutating func alias<V>(_ alias: String, for name: String, _ kind: ValueKind<V>, _ checker: inout Checker) -> Setting<V>? {
        guard let attribute = element.attribute(alias) else { return nil }
        handled.insert(alias)
        checker.warning("attribute-alias", "\(what) attribute '\(alias)' is read as '\(name)'", at: attribute.position,
                        hint: "write \(name)=\"\(attribute.value)\"")
        if element.attribute(name) != nil { return nil }
        return setting(of: attribute, kind, &checker)
    }

    /// Attributes of another dialect that ConneXML ignores: a warning naming it.
    mutating func foreign(_ names: [String], dialect: Dialect, _ checker: inout Checker) {
        for name in names {
            guard let attribute = element.attribute(name) else { continue }
            handled.insert(name)
            checker.warning("unsupported-attribute",
                            "\(what) attribute '\(name)' is \(dialect.rawValue), not ConneXML; it is ignored",
                            at: attribute.position)
        }
    }

    /// Reports every attribute nobody read. `asErrors` for elements where
    /// an unknown attribute changes meaning (`Condition`).
    func finish(_ checker: inout Checker, asErrors: Bool = false) {
        for attribute in element.attributes where !handled.contains(attribute.qualifiedName) {
            if attribute.prefix == nil, known.contains(attribute.name) { continue }
            let hint = Suggestions.closest(to: attribute.name, among: known).map { "did you mean '\($0)'?" }
            let message = "unknown attribute '\(attribute.qualifiedName)' on \(what)"
            if asErrors {
                checker.error("unknown-attribute", message, at: attribute.position, hint: hint)
            } else {
                checker.warning("unknown-attribute", message + "; it is ignored", at: attribute.position, hint: hint)
            }
        }
    }

    private func setting<V>(of attribute: Attribute, _ kind: ValueKind<V>, _ checker: inout Checker) -> Setting<V>? {
        guard let template = checker.template(attribute.value, at: attribute.position, in: "\(attribute.name) of \(what)") else {
            return nil
        }
        guard let literal = template.literal else { return Setting(template: template, kind: kind) }
        guard let value = kind.parse(literal) else {
            checker.error("invalid-value", "\(attribute.name)=\"\(literal)\" is not valid on \(what): expected \(kind.expected)",
                          at: attribute.position, hint: Self.hint(for: literal, kind))
            return nil
        }
        return Setting(value, explicit: true, kind: kind)
    }

    private static func hint<V>(for literal: String, _ kind: ValueKind<V>) -> String? {
        if kind.parse(literal.trimmed.description) != nil { return "remove the spaces around the value" }
        if kind.parse(literal.lowercased()) != nil { return "values are case-sensitive: write \"\(literal.lowercased())\"" }
        return nil
    }
}
