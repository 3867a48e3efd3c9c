import Diagnostics
import XMLParsing

/// `<Set name="x" value="y" header="false"/>`: sets a variable, and with
/// `header="true"` also a SIP header on the next outgoing INVITE.
/// (Named SetVariable: `Set` is Swift's own.)
public struct SetVariable: Sendable {
    public let name: Template
    public let value: Template
    /// Default false.
    public let header: Setting<Bool>
    public let position: SourcePosition

    /// RFC 3261 token characters: what a SIP header name may contain.
    public static func isHeaderName<S: StringProtocol>(_ name: S) -> Bool {
        !name.isEmpty
            && name.unicodeScalars.allSatisfy {
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-.!%*_+`'~".unicodeScalars.contains($0))
            }
    }

    /// What a SIP header value may not contain: CR, LF and other controls
    /// (they would split the INVITE), except tab.
    public static func isHeaderValue<S: StringProtocol>(_ value: S) -> Bool {
        value.unicodeScalars.allSatisfy { $0 == "\t" || ($0.value >= 0x20 && $0.value != 0x7F) }
    }
}

extension SetVariable: VerbDefinition, VerbSyntax {
    public static let elementName = "Set"

    static func check(_ element: Element, in scope: Scope, _ checker: inout Checker) -> Verb? {
        checkSet(element, &checker).map { .set($0) }
    }

    static func checkSet(_ element: Element, _ checker: inout Checker) -> SetVariable? {
        var attributes = AttributeReader(element)
        let name = attributes.template(
            "name", required: "write <Set name=\"x\" value=\"…\"/>",
            about: "the variable (or SIP header) to set", &checker)
        let value = attributes.template("value", about: "its value; empty when absent", &checker) ?? Template(literal: "")
        let header = attributes.value(
            "header", .boolean, default: false,
            about: "true: also send it as a SIP header on the next outgoing INVITE", &checker)
        attributes.finish(&checker)
        checker.expectEmpty(element)
        guard let name else { return nil }
        if let literal = name.literal, literal.isEmpty {
            checker.error(.invalidValue, "name of <Set> is empty", at: element.attribute("name")?.position)
        }
        if header.fixedValue == true {
            if let literal = name.literal, !literal.isEmpty, !isHeaderName(literal) {
                checker.error(
                    .invalidHeader, "'\(literal)' is not a valid SIP header name", at: element.attribute("name")?.position,
                    hint: "header names are letters, digits and -.!%*_+`'~, such as X-Account-Id")
            }
            if let literal = value.literal, !isHeaderValue(literal) {
                checker.error(
                    .invalidHeader,
                    "the value of SIP header \(Checker.quote(name.description)) contains a line break or control character",
                    at: element.attribute("value")?.position, hint: "a header value is one line of text")
            }
        }
        return SetVariable(name: name, value: value, header: header, position: element.position)
    }
}

/// The codes this file emits (their meanings for users: ScriptDiagnostics).
extension DiagnosticCode {
    /// A SIP header name or value that would corrupt the INVITE.
    static let invalidHeader: DiagnosticCode = "invalid-header"
}

extension SetVariable {
    static let reference = ElementReference(
        summary: "Sets a variable, or with `header=\"true\"` also a SIP header on the next outgoing INVITE.",
        run:
            "Expands `name` and `value` and sets the variable. A header needs the caller's profile to allow SIP headers (else denied, and nothing is set); a header name or value that would split the INVITE is refused with an error event.",
        checks: [
            "An empty `name`: error `invalid-value`.",
            "With `header=\"true\"`, a name that is not a SIP token or a value with a line break: error `invalid-header`.",
        ])
}
