import Diagnostics
import XMLParsing

/// Reads the attributes of one element into typed settings. Every attribute
/// a verb reads is "known"; whatever is left at `finish` is reported as
/// unknown, with a did-you-mean among the known ones. So the list of a verb's
/// attributes is written once, where it reads them.
///
/// A reader exists for every element of every script, so it allocates
/// nothing unless something unusual happens: the attributes read are bits,
/// the names read stay in place (`ReadNames`).
struct AttributeReader {
    let element: Element
    private var known = ReadNames()
    /// The attributes read, by index in the element (bit i: the i-th);
    /// those from the 65th on in `handledBeyond`.
    private var handledBits: UInt64 = 0
    /// How many of the element's attributes have been read (each once,
    /// however often it is read: a count of reads let an attribute read
    /// twice hide an unknown one from `finish`).
    private var handledCount = 0
    private let attributeCount: Int
    /// What only a recording, or an element of more than 64 attributes,
    /// needs, in one box made when first written: four arrays held in place
    /// were four releases at the end of every reader of every element.
    private var rare: RareReads?

    private final class RareReads {
        var handledBeyond: [Int] = []
        /// What a `SyntaxRecording` is told at `finish`; empty unless one asks.
        var recorded: [AttributeSyntax] = []
        var ignored: [IgnoredAttribute] = []
        var aliases: [(alias: String, name: String)] = []

        func copy() -> RareReads {
            let copy = RareReads()
            (copy.handledBeyond, copy.recorded, copy.ignored, copy.aliases) = (handledBeyond, recorded, ignored, aliases)
            return copy
        }
    }

    /// The box, made when first written, and copied first if a copy of
    /// this reader shares it (a reader is a value).
    private mutating func rareForWriting() -> RareReads {
        if rare == nil {
            rare = RareReads()
        } else if !isKnownUniquelyReferenced(&rare) {
            rare = rare!.copy()
        }
        return rare!
    }

    private var handledBeyond: [Int] {
        get { rare?.handledBeyond ?? [] }
        _modify {
            let box = rareForWriting()
            yield &box.handledBeyond
        }
    }
    private var recorded: [AttributeSyntax] {
        get { rare?.recorded ?? [] }
        _modify {
            let box = rareForWriting()
            yield &box.recorded
        }
    }
    private var ignored: [IgnoredAttribute] {
        get { rare?.ignored ?? [] }
        _modify {
            let box = rareForWriting()
            yield &box.ignored
        }
    }
    private var aliases: [(alias: String, name: String)] {
        get { rare?.aliases ?? [] }
        _modify {
            let box = rareForWriting()
            yield &box.aliases
        }
    }

    /// Whether the names read are kept even when no recording asks for
    /// them: only for a did-you-mean about an attribute left unread, which
    /// an element without attributes cannot have.
    private let keepsKnown: Bool

    init(_ element: Element) {
        self.element = element
        attributeCount = element.attributes.count
        keepsKnown = attributeCount > 0
    }

    private var what: String { "<\(element.name)>" }

    /// An attribute with a default: the default when absent (not explicit).
    /// `about` says what it does, for the reference (every read has one).
    mutating func value<V>(
        _ name: String, _ kind: ValueKind<V>, default defaultValue: V, about: String,
        _ checker: inout Checker
    ) -> Setting<V> {
        record(name, kind, about, default: defaultValue, &checker)
        return read(name, kind, &checker) ?? Setting(defaultValue, explicit: false)
    }

    /// An attribute without a default: nil when absent (or invalid).
    mutating func optional<V>(_ name: String, _ kind: ValueKind<V>, about: String, _ checker: inout Checker) -> Setting<V>? {
        record(name, kind, about, default: nil, &checker)
        return read(name, kind, &checker)
    }

    /// An attribute that must be present.
    mutating func required<V>(_ name: String, _ kind: ValueKind<V>, about: String, _ checker: inout Checker) -> Setting<V>? {
        record(name, kind, about, default: nil, required: true, &checker)
        let result = read(name, kind, &checker)
        if element.attributeIndex(name) == nil { reportMissing(name, hint: "\(name) is \(kind.expected)", &checker) }
        return result
    }

    /// An attribute whose value must be written out, because it is used
    /// when the script is read (`Press` binds its keys then): a template is
    /// an error. Nil when absent, invalid or a template.
    mutating func literal<V>(
        _ name: String, _ kind: ValueKind<V>, required: Bool = false, about: String,
        _ checker: inout Checker
    ) -> V? {
        record(name, kind, about, default: nil, required: required, templates: false, &checker)
        let setting = read(name, kind, &checker)
        if required, element.attributeIndex(name) == nil { reportMissing(name, hint: "\(name) is \(kind.expected)", &checker) }
        guard let setting else { return nil }
        guard let value = setting.fixedValue else {
            checker.error(.invalidValue, "\(name) of \(what) cannot be a template", at: element.attributeValue(name)?.position)
            return nil
        }
        return value
    }

    /// A raw text attribute read as a template (names, values of `Set`);
    /// with `required`, its absence is an error whose hint is `required`'s
    /// text (or none when it is empty).
    mutating func template(_ name: String, required hint: String? = nil, about: String, _ checker: inout Checker) -> Template? {
        if checker.recording != nil {
            recorded.append(
                AttributeSyntax(
                    name: name, description: about, expected: "any text", schema: .text,
                    defaultValue: nil, isRequired: hint != nil, acceptsTemplates: true))
        }
        if keepsKnown || checker.recording != nil { known.append(name) }
        guard let attribute = find(name) else {
            if let hint { reportMissing(name, hint: hint.isEmpty ? nil : hint, &checker) }
            return nil
        }
        return checker.template(attribute.value, at: attribute.position, in: "\(name) of \(what)")
    }

    /// The attributes among `names` that the element has, in document
    /// order, as written (for attributes with their own little languages).
    /// `expected` says what each takes; `aliasOf` names the attribute an
    /// alias among them is read as.
    mutating func raw(
        _ names: [(name: String, about: String)], expected: (String) -> String,
        aliasOf: [String: String] = [:], _ checker: inout Checker
    ) -> [Attribute] {
        known.append(contentsOf: names)
        if checker.recording != nil {
            for (name, about) in names {
                if let canonical = aliasOf[name] {
                    aliases.append((name, canonical))
                } else {
                    recorded.append(
                        AttributeSyntax(
                            name: name, description: about, expected: expected(name), schema: .text,
                            defaultValue: nil, isRequired: false, acceptsTemplates: false))
                }
            }
        }
        var present: [Attribute] = []
        for (index, attribute) in element.attributes.enumerated()
        where attribute.prefix == nil && names.contains(where: { Self.same($0.name, attribute.name) }) {
            if present.isEmpty { present.reserveCapacity(attributeCount - index) }  // one allocation
            present.append(attribute)
            markHandled(index)
        }
        return present
    }

    /// Reads `alias` as `name`, with a warning (a documented misspelling).
    /// Both on one element is a duplicate, as XML's own rule would have it
    /// were they spelt alike: which one the platform reads is anyone's guess.
    mutating func alias<V>(_ alias: String, for name: String, _ kind: ValueKind<V>, _ checker: inout Checker) -> Setting<V>? {
        if checker.recording != nil { aliases.append((alias, name)) }
        guard let attribute = find(alias) else { return nil }
        if element.attributeIndex(name) != nil {
            checker.error(
                .duplicateAttribute, "\(what) has both \(alias) and \(name), which mean the same",
                at: attribute.position, hint: "keep \(name) only")
            return nil
        }
        checker.warning(
            .attributeAlias, "\(what) attribute '\(alias)' is read as '\(name)'", at: attribute.position,
            hint: "write \(name)=\"\(attribute.value)\"")
        return setting(of: attribute, named: alias, kind, &checker)
    }

    /// Attributes of another dialect that ConneXML ignores: a warning naming it.
    mutating func foreign(_ names: [String], dialect: Dialect, _ checker: inout Checker) {
        if checker.recording != nil { ignored += names.map { IgnoredAttribute(name: $0, dialect: dialect.rawValue) } }
        guard hasUnread else { return }
        for name in names {
            guard let attribute = find(name) else { continue }
            checker.warning(
                .unsupportedAttribute,
                "\(what) attribute '\(name)' is \(dialect.rawValue), not ConneXML; it is ignored",
                at: attribute.position)
        }
    }

    /// Reports every attribute nobody read. `asErrors` for elements where
    /// an unknown attribute changes meaning (`Condition`).
    func finish(_ checker: inout Checker, asErrors: Bool = false) {
        if checker.recording != nil {
            checker.recording?.record(attributes: recorded, known: known.all, ignored: ignored, aliases: aliases, of: element)
        }
        guard hasUnread else { return }
        for (index, attribute) in element.attributes.enumerated() where !isHandled(index) {
            let hint = Suggestions.closest(to: attribute.name, among: known.all).map { "did you mean '\($0)'?" }
            let message = "unknown attribute '\(attribute.qualifiedName)' on \(what)"
            if asErrors {
                checker.error(.unknownAttribute, message, at: attribute.position, hint: hint)
            } else {
                checker.warning(.unknownAttribute, message + "; it is ignored", at: attribute.position, hint: hint)
            }
        }
    }

    /// The value of `name`, when present (nil too when invalid).
    private mutating func read<V>(_ name: String, _ kind: ValueKind<V>, _ checker: inout Checker) -> Setting<V>? {
        if keepsKnown || checker.recording != nil { known.append(name) }
        guard let attribute = find(name) else { return nil }
        return setting(of: attribute, named: name, kind, &checker)
    }

    /// The value and position of the attribute `name` (without a prefix),
    /// marked as read.
    private mutating func find(_ name: String) -> (value: String, position: SourcePosition)? {
        guard let index = element.attributeIndex(name) else { return nil }
        markHandled(index)
        return element.attributeValue(at: index)
    }

    private mutating func markHandled(_ index: Int) {
        // The first 64 as bits, in place: the general path below made the
        // compiler copy the whole reader at every call.
        guard index < 64 else { return markHandledBeyond(index) }
        let bit: UInt64 = 1 << UInt64(index)
        guard handledBits & bit == 0 else { return }
        handledBits |= bit
        handledCount += 1
    }

    @inline(never)
    private mutating func markHandledBeyond(_ index: Int) {
        guard !isHandled(index) else { return }
        handledCount += 1
        handledBeyond.append(index)
    }

    /// Whether the attribute at `index` was read. (XML allows an unprefixed
    /// name once per element, so this is the same as asking whether its
    /// name was read; a prefixed attribute is never read.)
    private func isHandled(_ index: Int) -> Bool {
        index < 64 ? handledBits & (1 << UInt64(index)) != 0 : handledBeyond.contains(index)
    }

    private func reportMissing(_ name: String, hint: String?, _ checker: inout Checker) {
        checker.error(.missingAttribute, "\(what) needs a \(name) attribute", at: element.position, hint: hint)
    }

    /// Tells the recording, when there is one, what the attribute is.
    private mutating func record<V>(
        _ name: String, _ kind: ValueKind<V>, _ about: String, default defaultValue: V?,
        required: Bool = false, templates: Bool = true, _ checker: inout Checker
    ) {
        guard checker.recording != nil else { return }
        recorded.append(
            AttributeSyntax(
                name: name, description: about, expected: kind.expected, schema: kind.schema,
                defaultValue: defaultValue.map(Self.text(of:)), isRequired: required,
                acceptsTemplates: templates))
    }

    /// A default as a script would write it (`us-old`, not `usOld`).
    private static func text<V>(of value: V) -> String {
        if let word = value as? any RawRepresentable, let raw = word.rawValue as? String { return raw }
        return "\(value)"
    }

    /// Equal names, told apart by their lengths first (a string keeps its
    /// count; comparing different names costs more).
    private static func same(_ a: String, _ b: String) -> Bool { a.utf8.count == b.utf8.count && a == b }

    /// Whether some attribute has not been read yet.
    private var hasUnread: Bool { handledCount < attributeCount }

    private func setting<V>(
        of attribute: (value: String, position: SourcePosition), named name: String, _ kind: ValueKind<V>,
        _ checker: inout Checker
    ) -> Setting<V>? {
        // Most values are plain text: no template to build only to take
        // its text back out of it.
        var literal = attribute.value
        if Template.mayContainExpression(literal) {
            guard let template = checker.template(literal, at: attribute.position, in: "\(name) of \(what)") else {
                return nil
            }
            guard let text = template.literal else { return Setting(template: template, kind: kind) }
            literal = text
        }
        guard let value = kind.parse(literal) else {
            checker.error(
                .invalidValue, "\(name)=\"\(literal)\" is not valid on \(what): expected \(kind.expected)",
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
    /// A documented misspelling, read as the right name.
    static let attributeAlias: DiagnosticCode = "attribute-alias"
    /// An attribute of another dialect, which ConneXML ignores.
    static let unsupportedAttribute: DiagnosticCode = "unsupported-attribute"
    /// An attribute no check reads (an error on `<Condition>`).
    static let unknownAttribute: DiagnosticCode = "unknown-attribute"
}
