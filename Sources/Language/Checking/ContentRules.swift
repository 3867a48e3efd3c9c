import Diagnostics
import XMLParsing

/// What may stand inside an element: nothing, text, or the elements a verb
/// lists. The messages of these rules live here, beside them.
extension Checker {
    /// The element must be empty: no text, no child elements.
    mutating func expectEmpty(_ element: Element) {
        for child in element.children {
            switch child {
            case .element(let e):
                error("unexpected-child", "<\(element.name)> takes no child elements, but has <\(e.qualifiedName)>",
                      at: e.position)
            case .text(let t):
                let hint = Self.looksLikeAttribute(t.value).map {
                    "this looks like an attribute written as text: write <\(element.name) \($0)/>"
                }
                error("unexpected-text", "<\(element.name)> takes no text, but has \(Self.quote(t.value))",
                      at: t.position, hint: hint ?? "write it self-closing: <\(element.name)/>")
            }
        }
    }

    /// The element's content is text (a template); child elements are errors.
    /// Returns nil (after reporting it) when there is no text and `required`,
    /// or when the text is a malformed template.
    mutating func expectText(_ element: Element, required: String?) -> Template? {
        var text: XMLParsing.Text?
        for child in element.children {
            switch child {
            case .element(let e):
                error("unexpected-child", "<\(element.name)> takes only text, but has <\(e.qualifiedName)>", at: e.position)
            case .text(let t):
                if text == nil { text = t }
            }
        }
        // One text child is the common case: no joining needed.
        let value = (element.children.count == 1 ? text?.value ?? "" : element.text).trimmed
        guard let first = text, !value.isEmpty else {
            if let required {
                error("missing-text", "<\(element.name)> needs text: \(required)", at: element.position)
                return nil
            }
            return Template(literal: "")
        }
        if value.hasPrefix(">") {
            warning("stray-angle-bracket", "text of <\(element.name)> starts with '>'", at: first.position,
                    hint: "a tag closed twice? '>' is part of the text here")
        }
        return template(String(value), at: first.position, in: "<\(element.name)>")
    }

    /// Visits the children of an element that takes only the elements named
    /// `allowed` (`<Start>` only `<Stream>`, `<Before>` only `<Set>`): text
    /// and any other element are reported here, once, in the same words.
    mutating func forEachChild(of element: Element, allowing allowed: [String], hint: String? = nil,
                               _ visit: (Element, inout Checker) -> Void) {
        let list = allowed.map { "<\($0)>" }.joined(separator: " and ")
        for child in element.children {
            switch child {
            case .text(let text):
                error("stray-text", "<\(element.name)> takes only \(list), not text: \(Self.quote(text.value))",
                      at: text.position, hint: hint)
            case .element(let e) where e.prefix == nil && allowed.contains(e.name):
                visit(e, &self)
            case .element(let e) where e.prefix != nil || Dialect.foreignElements[e.name] != nil:
                VerbList.reportNotAVerb(e, in: "<\(element.name)>", &self)
            case .element(let e):
                let known = VerbList.syntaxes[e.name] != nil || VerbList.placedElements[e.name] != nil
                if known {
                    error("invalid-child", "<\(element.name)> takes only \(list), not <\(e.name)>", at: e.position,
                          hint: element.name == "Gather" ? "put <\(e.name)> after the <Gather>" : nil)
                } else {
                    VerbList.reportNotAVerb(e, in: "<\(element.name)>", &self)
                }
            }
        }
    }

    /// `name="value"` at the start of some text, as it would be written
    /// inside a tag.
    static func looksLikeAttribute(_ text: String) -> String? {
        let t = text.trimmed
        guard let eq = t.firstIndex(of: "="), eq > t.startIndex else { return nil }
        let name = t[..<eq].trimmed
        let rest = t[t.index(after: eq)...].trimmed
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0 == "_" || $0 == "-" }),
              let q = rest.first, q == "\"" || q == "'" else { return nil }
        return String(t)
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
    /// Element text read as a typed value: checked now when it is literal,
    /// when the call runs when it is a template.
    mutating func setting<V>(_ text: Template, _ kind: ValueKind<V>, of element: Element, what: String) -> Setting<V>? {
        guard let literal = text.literal else { return Setting(template: text, kind: kind) }
        guard let value = kind.parse(literal) else {
            error("invalid-value", "\(Self.quote(literal)) is not a valid \(what) in <\(element.name)>: expected \(kind.expected)",
                  at: element.firstText?.position ?? element.position)
            return nil
        }
        return Setting(value, explicit: true)
    }
}
