import Diagnostics
import XMLParsing

/// What may stand inside an element: nothing, text, or the elements a verb
/// lists. The messages of these rules live here, beside them.
extension Checker {
    /// The element must be empty: no text, no child elements.
    mutating func expectEmpty(_ element: Element) {
        recordContent(.empty, of: element)
        for child in element.children {
            switch child {
            case .element(let e):
                error(
                    .unexpectedChild, "<\(element.name)> takes no child elements, but has <\(e.qualifiedName)>",
                    at: e.position)
            case .text(let t):
                if reportAttributesAsText(t, of: element) { continue }
                error(
                    .unexpectedText, "<\(element.name)> takes no text, but has \(Self.quote(t.value))",
                    at: t.position, hint: "write it self-closing: <\(element.name)/>")
            }
        }
    }

    /// The element's content is text (a template); child elements are errors.
    /// Returns nil (after reporting it) when there is no text and `required`,
    /// when the text is a malformed template, or when it is attributes
    /// written as text — an error, or only a warning where `anyText` is
    /// allowed (words to speak, a queue name), and then the text is kept.
    mutating func expectText(_ element: Element, required: String?, anyText: Bool = false) -> Template? {
        recordContent(.text(TextSyntax(what: required, isRequired: required != nil)), of: element)
        var text: XMLParsing.Text?
        var reportedChild = false
        for child in element.children {
            switch child {
            case .element(let e):
                reportedChild = true
                if let markup = Dialect.foreignMarkup(e, in: element) {
                    error(
                        .foreignElement, "<\(e.qualifiedName)> in <\(element.name)> is \(markup), not ConneXML",
                        at: e.position, hint: "ConneXML's <\(element.name)> takes plain text: write the words without tags")
                } else {
                    error(.unexpectedChild, "<\(element.name)> takes only text, but has <\(e.qualifiedName)>", at: e.position)
                }
            case .text(let t):
                if text == nil { text = t }
            }
        }
        // One text child is the common case: no joining needed.
        let whole = element.children.count == 1 ? text?.value ?? "" : element.text
        let value = whole.trimmed
        guard let first = text, !value.isEmpty else {
            // A child was the attempt at content, and is reported already.
            if let required, !reportedChild {
                error(.missingText, "<\(element.name)> needs text: \(required)", at: element.position)
                return nil
            }
            return required == nil ? Template(literal: "") : nil
        }
        // Once: the text of every verb comes here. Most text has nothing
        // to trim, and then it is the tree's own string, not a copy.
        let string = value.utf8.count == whole.utf8.count ? whole : String(value)
        let content = XMLParsing.Text(value: string, position: first.position)
        if reportAttributesAsText(content, of: element, asWarning: anyText, needsContent: required != nil), !anyText {
            return nil
        }
        if value.utf8.first == 0x3E /* > */ {
            warning(
                .strayAngleBracket, "text of <\(element.name)> starts with '>'", at: first.position,
                hint: "a tag closed twice? '>' is part of the text here")
        }
        return template(string, at: first.position, in: "<\(element.name)>")
    }

    /// Visits the children of an element that takes only the elements named
    /// `allowed` (`<Start>` only `<Stream>`, `<Before>` only `<Set>`): text
    /// and any other element are reported here, once, in the same words.
    mutating func forEachChild(
        of element: Element, allowing allowed: [String], hint: String? = nil,
        _ visit: (Element, inout Checker) -> Void
    ) {
        recordContent(.elements(allowed), of: element)
        // Only messages need it: built when one is.
        var list: String { allowed.map { "<\($0)>" }.joined(separator: " and ") }
        for child in element.children {
            switch child {
            case .text(let text):
                if reportAttributesAsText(text, of: element) { continue }
                error(
                    .strayText, "<\(element.name)> takes only \(list), not text: \(Self.quote(text.value))",
                    at: text.position, hint: hint)
            case .element(let e) where e.prefix == nil && allowed.contains(e.name):
                visit(e, &self)
            case .element(let e) where e.prefix != nil || Dialect.foreignElements[e.name] != nil:
                VerbList.reportNotAVerb(e, in: "<\(element.name)>", &self)
            case .element(let e):
                let known = VerbList.syntaxes[e.name] != nil || VerbList.placedElements[e.name] != nil
                if known {
                    error(
                        .invalidChild, "<\(element.name)> takes only \(list), not <\(e.name)>", at: e.position,
                        hint: element.name == "Gather" ? "put <\(e.name)> after the <Gather>" : nil)
                } else {
                    VerbList.reportNotAVerb(e, in: "<\(element.name)>", &self)
                }
            }
        }
    }

    /// Text quoted for a message, shortened when long.
    static func quote(_ text: String) -> String {
        let t = text.trimmed.replacingNewlines
        return t.count > 40 ? "'\(t.prefix(37))...'" : "'\(t)'"
    }
}

extension StringProtocol {
    var replacingNewlines: String {
        String(map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 })
    }
}

extension Checker {
    /// The element's text (`required`, see `expectText`) as a value of `kind`,
    /// which `what` names in messages.
    mutating func expectText<V>(_ element: Element, required: String, as kind: ValueKind<V>, what: String) -> Setting<V>? {
        let text = expectText(element, required: required)
        recordContent(
            .text(TextSyntax(what: required, isRequired: true, expected: kind.expected, schema: kind.schema)), of: element)
        return text.flatMap { setting($0, kind, of: element, what: what) }
    }

    /// Element text read as a typed value: checked now when it is literal,
    /// when the call runs when it is a template.
    mutating func setting<V>(_ text: Template, _ kind: ValueKind<V>, of element: Element, what: String) -> Setting<V>? {
        guard let literal = text.literal else { return Setting(template: text, kind: kind) }
        guard let value = kind.parse(literal) else {
            error(
                .invalidValue, "\(Self.quote(literal)) is not a valid \(what) in <\(element.name)>: expected \(kind.expected)",
                at: element.firstText?.position ?? element.position, hint: AttributeReader.hint(for: literal, kind))
            return nil
        }
        return Setting(value, explicit: true)
    }
}

/// The codes this file emits (their meanings for users: ScriptDiagnostics).
extension DiagnosticCode {
    /// A child element in an element that takes none, or only text.
    static let unexpectedChild: DiagnosticCode = "unexpected-child"
    /// Text in an element that must be empty.
    static let unexpectedText: DiagnosticCode = "unexpected-text"
    /// An element that needs text has none.
    static let missingText: DiagnosticCode = "missing-text"
    /// A known element among the children of one that does not take it.
    static let invalidChild: DiagnosticCode = "invalid-child"
    /// Text that starts with '>', likely a tag closed twice.
    static let strayAngleBracket: DiagnosticCode = "stray-angle-bracket"
}
