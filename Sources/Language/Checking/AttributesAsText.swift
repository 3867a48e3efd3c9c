import Diagnostics
import XMLParsing

/// Text that is attributes written where the element's content goes, as in
/// the documentation's `<Barge>whisper="a" bridge="ab"</Barge>`: reported as
/// such wherever it stands, with the start tag it was meant to be as the
/// hint (never a "did you mean" made from the text).
enum AttributesAsText {
    /// The text as `name="value"` pairs, as written, when all of it is
    /// attributes (one or more, separated by white space); else nil.
    static func pairs(in text: String) -> [String]? {
        // Every text of every element comes here; nearly none has an '='.
        guard text.utf8.withContiguousStorageIfAvailable({ $0.contains(0x3D /* = */) }) ?? text.utf8.contains(0x3D) else {
            return nil
        }
        var pairs: [String] = []
        var rest = text.trimmed[...]
        while !rest.isEmpty {
            guard let eq = rest.firstIndex(of: "=") else { return nil }
            let name = rest[..<eq].trimmed
            guard let first = name.first, first.isLetter || first == "_",
                name.allSatisfy({ $0.isLetter || $0.isNumber || "_-.:".contains($0) })
            else { return nil }
            let afterEq = rest[rest.index(after: eq)...].drop { $0 == " " || $0 == "\t" }
            guard let quote = afterEq.first, quote == "\"" || quote == "'",
                let close = afterEq.dropFirst().firstIndex(of: quote)
            else { return nil }
            let value = afterEq[afterEq.index(after: afterEq.startIndex)..<close]
            pairs.append("\(name)=\(quote)\(value)\(quote)")
            rest = afterEq[afterEq.index(after: close)...]
            // Attributes are separated by white space (or nothing is left).
            guard rest.isEmpty || rest.first!.isWhitespace else { return nil }
            rest = rest.drop { $0.isWhitespace }
        }
        return pairs.isEmpty ? nil : pairs
    }

    /// The start tag `element` was meant to have: its attributes, then the
    /// ones written as text; self-closing when nothing else is inside and
    /// nothing needs to be.
    static func correctedTag(for element: Element, adding pairs: [String], needsContent: Bool) -> String {
        let written = element.attributes.map { "\($0.qualifiedName)=\"\(escaped($0.value))\"" }
        let tag = ([element.qualifiedName] + written + pairs).joined(separator: " ")
        return element.childElements.isEmpty && !needsContent ? "<\(tag)/>" : "<\(tag)>…</\(element.qualifiedName)>"
    }

    private static func escaped(_ value: String) -> String {
        value.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "<", with: "&lt;")
    }
}

extension Checker {
    /// Reports `text` of `element` when it is attributes written as text;
    /// whether it was. An error, or a warning where any text is allowed
    /// (the platform would say `voice="alice"` aloud, not refuse it).
    /// `needsContent`: the element needs text, so the hint leaves room for it.
    mutating func reportAttributesAsText(
        _ text: XMLParsing.Text, of element: Element, asWarning: Bool = false,
        needsContent: Bool = false
    ) -> Bool {
        guard let pairs = AttributesAsText.pairs(in: text.value) else { return false }
        // The pairs, not the text: they may stand on lines of their own.
        let message = "\(Self.quote(pairs.joined(separator: " "))) in <\(element.qualifiedName)> is attributes written as text"
        let tag = AttributesAsText.correctedTag(for: element, adding: pairs, needsContent: needsContent)
        let hint = "write them inside the start tag: \(tag)"
        if asWarning {
            warning(.attributeAsText, message + "; it is read as text", at: text.position, hint: hint)
        } else {
            error(.attributeAsText, message, at: text.position, hint: hint)
        }
        return true
    }
}

/// The codes this file emits (their meanings for users: ScriptDiagnostics).
extension DiagnosticCode {
    /// Attributes written as element text.
    static let attributeAsText: DiagnosticCode = "attribute-as-text"
}
