import Diagnostics
import XMLParsing

/// Reads the attributes of one element into typed settings. Every attribute
/// a verb reads is "known"; whatever is left at `finish` is reported as
/// unknown, with a did-you-mean among the known ones. So the list of a verb's
/// attributes is written once, where it reads them.
struct AttributeReader {
    let element: Element
    private var known: [String] = []
    /// Few per element: an array beats a set here.
    private var handled: [String] = []

    /// Whether the names read are kept even when no `Vocabulary` asks for
    /// them: only for a did-you-mean about an attribute left unread, which
    /// an element without attributes cannot have.
    private let keepsKnown: Bool

    init(_ element: Element) {
        self.element = element
        let count = element.attributes.count
        keepsKnown = count > 0
        // One allocation each instead of several as they grow, and none for
        // an element without attributes: this runs for every element of
        // every script.
        if count > 0 {
            known.reserveCapacity(16)
            handled.reserveCapacity(count)
        }
    }

    private var what: String { "<\(element.name)>" }

    /// An attribute with a default: the default when absent (not explicit).
    mutating func value<V>(_ name: String, _ kind: ValueKind<V>, default defaultValue: V, _ checker: inout Checker) -> Setting<V> {
        optional(name, kind, &checker) ?? Setting(defaultValue, explicit: false)
    }

    /// An attribute without a default: nil when absent (or invalid).
    mutating func optional<V>(_ name: String, _ kind: ValueKind<V>, _ checker: inout Checker) -> Setting<V>? {
        if keepsKnown || checker.knownAttributes != nil { known.append(name) }
        guard let attribute = element.attribute(name) else { return nil }
        handled.append(name)
        return setting(of: attribute, kind, &checker)
    }

    /// An attribute that must be present.
    mutating func required<V>(_ name: String, _ kind: ValueKind<V>, _ checker: inout Checker) -> Setting<V>? {
        let result = optional(name, kind, &checker)
        if element.attribute(name) == nil {
            checker.error(.missingAttribute, "\(what) needs a \(name) attribute", at: element.position,
                          hint: "\(name) is \(kind.expected)")
        }
        return result
    }

    /// A raw text attribute read as a template (names, values of `Set`).
    mutating func template(_ name: String, _ checker: inout Checker) -> Template? {
        if keepsKnown || checker.knownAttributes != nil { known.append(name) }
        guard let attribute = element.attribute(name) else { return nil }
        handled.append(name)
        return checker.template(attribute.value, at: attribute.position, in: "\(name) of \(what)")
    }

    /// The attributes among `names` that the element has, in document
    /// order, as written (for attributes with their own little languages).
    mutating func raw(_ names: [String]) -> [Attribute] {
        known.append(contentsOf: names)
        let present = element.attributes.filter { $0.prefix == nil && names.contains($0.name) }
        handled.append(contentsOf: present.map(\.name))
        return present
    }

    /// Reads `alias` as `name`, with a warning (a documented misspelling).
    /// Both on one element is a duplicate, as XML's own rule would have it
    /// were they spelt alike: which one the platform reads is anyone's guess.
    mutating func alias<V>(_ alias: String, for name: String, _ kind: ValueKind<V>, _ checker: inout Checker) -> Setting<V>? {
        guard let attribute = element.attribute(alias) else { return nil }
        handled.append(alias)
        if element.attribute(name) != nil {
            checker.error(.duplicateAttribute, "\(what) has both \(alias) and \(name), which mean the same",
                          at: attribute.position, hint: "keep \(name) only")
            return nil
        }
        checker.warning(.attributeAlias, "\(what) attribute '\(alias)' is read as '\(name)'", at: attribute.position,
                        hint: "write \(name)=\"\(attribute.value)\"")
        return setting(of: attribute, kind, &checker)
    }

    /// Attributes of another dialect that ConneXML ignores: a warning naming it.
    mutating func foreign(_ names: [String], dialect: Dialect, _ checker: inout Checker) {
        guard hasUnread else { return }
        for name in names {
            guard let attribute = element.attribute(name) else { continue }
            handled.append(name)
            checker.warning(.unsupportedAttribute,
                            "\(what) attribute '\(name)' is \(dialect.rawValue), not ConneXML; it is ignored",
                            at: attribute.position)
        }
    }

    /// Reports every attribute nobody read. `asErrors` for elements where
    /// an unknown attribute changes meaning (`Condition`).
    func finish(_ checker: inout Checker, asErrors: Bool = false) {
        checker.knownAttributes?.append((element, known))
        guard hasUnread else { return }
        for attribute in element.attributes where !handled.contains(attribute.qualifiedName) {
            let hint = Suggestions.closest(to: attribute.name, among: known).map { "did you mean '\($0)'?" }
            let message = "unknown attribute '\(attribute.qualifiedName)' on \(what)"
            if asErrors {
                checker.error(.unknownAttribute, message, at: attribute.position, hint: hint)
            } else {
                checker.warning(.unknownAttribute, message + "; it is ignored", at: attribute.position, hint: hint)
            }
        }
    }

    /// Whether some attribute has not been read yet.
    private var hasUnread: Bool { handled.count < element.attributes.count }

    private func setting<V>(of attribute: Attribute, _ kind: ValueKind<V>, _ checker: inout Checker) -> Setting<V>? {
        guard let template = checker.template(attribute.value, at: attribute.position, in: "\(attribute.name) of \(what)") else {
            return nil
        }
        guard let literal = template.literal else { return Setting(template: template, kind: kind) }
        guard let value = kind.parse(literal) else {
            checker.error(.invalidValue, "\(attribute.name)=\"\(literal)\" is not valid on \(what): expected \(kind.expected)",
                          at: attribute.position, hint: Self.hint(for: literal, kind))
            return nil
        }
        return Setting(value, explicit: true)
    }

    static func hint<V>(for literal: String, _ kind: ValueKind<V>) -> String? {
        if let hint = kind.hint(for: literal) { return hint }
        if kind.parse(literal.trimmed.description) != nil { return "remove the spaces around the value" }
        if kind.parse(literal.lowercased()) != nil { return "values are case-sensitive: write \"\(literal.lowercased())\"" }
        return nil
    }
}

/// The codes this file emits (their meanings for users: ScriptDiagnostics).
extension DiagnosticCode {
    /// An attribute or text value out of range, not allowed, or malformed.
    static let invalidValue: DiagnosticCode = "invalid-value"
    /// A required attribute is absent.
    static let missingAttribute: DiagnosticCode = "missing-attribute"
    /// An attribute and its alias on one element (the XML layer reports a name given twice).
    static let duplicateAttribute: DiagnosticCode = "duplicate-attribute"
    /// A documented misspelling, read as the right name.
    static let attributeAlias: DiagnosticCode = "attribute-alias"
    /// An attribute of another dialect, which ConneXML ignores.
    static let unsupportedAttribute: DiagnosticCode = "unsupported-attribute"
    /// An attribute no check reads (an error on `<Condition>`).
    static let unknownAttribute: DiagnosticCode = "unknown-attribute"
}
