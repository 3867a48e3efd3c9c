/// docs/connexml.xsd, written from `LanguageSyntax`: an XML Schema that
/// XML editors (VS Code's XML extension, IntelliJ) use to complete and
/// validate ConneXML as `check` reads it.
///
/// Strict where `check` only warns: an attribute `check` does not read
/// (unknown, or another dialect's, which the platform ignores) is not in
/// the schema, so an editor flags it as the typo or leftover it most likely
/// is. Attributes `check` reads with a warning (the alias `command`) are in
/// it. Values that may be templates accept any text holding `{{ … }}` or
/// `${…}` besides the value's own form. What a schema cannot say (the
/// first noun of several, ranges in time tests, URLs) stays with `check`.
public enum XMLSchemaDocument {
    public static var text: String {
        var out = Lines()
        out += #"<?xml version="1.0" encoding="UTF-8"?>"#
        out += "<!-- ConneXML as `connexml check` reads it, for XML editors. Generated from the checker"
        out += "     (LanguageSyntax): do not edit by hand. The test GeneratedDocumentsTests rewrites it when"
        out += "     CONNEXML_UPDATE_GOLDEN=1; `connexml reference` prints it with its xsd flag. See"
        out += "     docs/reference.md: where check warns (an ignored attribute), this schema refuses. -->"
        out += #"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">"#
        out += "  <xs:element name=\"Response\" type=\"Response\">"
        documentation(LanguageSyntax.element("Response")?.reference.summary ?? "", indent: 4, into: &out)
        out += "  </xs:element>"
        out += ""
        out += "  <!-- Any text holding a template: {{ name }}, ${name}, {{ substring NAME START [LENGTH] }}. -->"
        out += "  <xs:simpleType name=\"template\">"
        out += "    <xs:restriction base=\"xs:string\">"
        out += "      <xs:pattern value=\"[\\s\\S]*(\\{\\{[\\s\\S]*\\}\\}|$\\{[\\s\\S]*\\})[\\s\\S]*\"/>"
        out += "    </xs:restriction>"
        out += "  </xs:simpleType>"
        out += ""
        out += "  <!-- The content of an element that takes none: white space at most. -->"
        out += "  <xs:simpleType name=\"nothing\">"
        out += "    <xs:restriction base=\"xs:string\">"
        out += "      <xs:pattern value=\"\\s*\"/>"
        out += "    </xs:restriction>"
        out += "  </xs:simpleType>"
        for element in LanguageSyntax.elements {
            out += ""
            complexType(element, into: &out)
        }
        out += "</xs:schema>"
        return out.text
    }

    private static func complexType(_ element: ElementSyntax, into out: inout Lines) {
        let attributes = element.attributes.flatMap { attribute in
            [attribute]
                + attribute.aliases.map { alias in
                    AttributeSyntax(
                        name: alias, description: "read as \(attribute.name), with a warning: write \(attribute.name)",
                        expected: attribute.expected, schema: attribute.schema, defaultValue: nil,
                        isRequired: false, acceptsTemplates: attribute.acceptsTemplates)
                }
        }
        switch element.content {
        case .empty:
            // White space only: `check` takes <Pause>\n</Pause> as empty,
            // where XML Schema's empty content would refuse the line break.
            out += "  <xs:complexType name=\"\(element.name)\">"
            out += "    <xs:simpleContent>"
            out += "      <xs:extension base=\"nothing\">"
            for attribute in attributes { declare(attribute, indent: 8, into: &out) }
            out += "      </xs:extension>"
            out += "    </xs:simpleContent>"
        case .text(let text):
            // Typed text (a URL, a number, a context) is its own simple type,
            // white space around it collapsed as `check` trims it.
            let base = text.schema == .text ? "xs:string" : "\(element.name).text"
            if text.schema != .text {
                out += "  <xs:simpleType name=\"\(base)\">"
                documentation("The text: " + (text.expected ?? ""), indent: 4, into: &out)
                out += "    <xs:union memberTypes=\"template\">"
                out += "      <xs:simpleType>"
                restriction(text.schema, base: "xs:token", indent: 8, into: &out)
                out += "      </xs:simpleType>"
                out += "    </xs:union>"
                out += "  </xs:simpleType>"
            }
            out += "  <xs:complexType name=\"\(element.name)\">"
            out += "    <xs:simpleContent>"
            out += "      <xs:extension base=\"\(base)\">"
            for attribute in attributes { declare(attribute, indent: 8, into: &out) }
            out += "      </xs:extension>"
            out += "    </xs:simpleContent>"
        case .elements(let names), .verbs(let names):
            out += "  <xs:complexType name=\"\(element.name)\">"
            children(names, indent: 4, into: &out)
            for attribute in attributes { declare(attribute, indent: 4, into: &out) }
        case .textOrElements(let text, let names):
            out += "  <xs:complexType name=\"\(element.name)\" mixed=\"true\">"
            out += "    <!-- The text: \(text.what ?? ""), \(text.expected ?? ""); or one of the elements. -->"
            children(names, indent: 4, into: &out)
            for attribute in attributes { declare(attribute, indent: 4, into: &out) }
        }
        out += "  </xs:complexType>"
    }

    private static func children(_ names: [String], indent: Int, into out: inout Lines) {
        let pad = String(repeating: " ", count: indent)
        out += pad + "<xs:choice minOccurs=\"0\" maxOccurs=\"unbounded\">"
        for name in names {
            out += pad + "  <xs:element name=\"\(name)\" type=\"\(name)\">"
            documentation(LanguageSyntax.element(name)?.reference.summary ?? "", indent: indent + 4, into: &out)
            out += pad + "  </xs:element>"
        }
        out += pad + "</xs:choice>"
    }

    private static func declare(_ attribute: AttributeSyntax, indent: Int, into out: inout Lines) {
        let pad = String(repeating: " ", count: indent)
        let use = attribute.isRequired ? " use=\"required\"" : ""
        var words = attribute.description + " (" + attribute.expected
        if let value = attribute.defaultValue { words += "; default \(value)" }
        words += attribute.acceptsTemplates ? "; may be a template)" : "; no template)"
        if case .text = attribute.schema {
            out += pad + "<xs:attribute name=\"\(attribute.name)\" type=\"xs:string\"\(use)>"
            documentation(words, indent: indent + 2, into: &out)
            out += pad + "</xs:attribute>"
            return
        }
        out += pad + "<xs:attribute name=\"\(attribute.name)\"\(use)>"
        documentation(words, indent: indent + 2, into: &out)
        out += pad + "  <xs:simpleType>"
        if attribute.acceptsTemplates {
            out += pad + "    <xs:union memberTypes=\"template\">"
            valueType(attribute.schema, indent: indent + 6, into: &out)
            out += pad + "    </xs:union>"
        } else {
            restriction(attribute.schema, indent: indent + 4, into: &out)
        }
        out += pad + "  </xs:simpleType>"
        out += pad + "</xs:attribute>"
    }

    private static func valueType(_ schema: ValueSchema, indent: Int, into out: inout Lines) {
        let pad = String(repeating: " ", count: indent)
        out += pad + "<xs:simpleType>"
        restriction(schema, indent: indent + 2, into: &out)
        out += pad + "</xs:simpleType>"
    }

    /// The value's own form. Attribute values are compared as written (no
    /// white space collapsed, `xs:string`), as `check` compares them.
    private static func restriction(_ schema: ValueSchema, base: String = "xs:string", indent: Int, into out: inout Lines) {
        let pad = String(repeating: " ", count: indent)
        switch schema {
        case .text:
            out += pad + "<xs:restriction base=\"\(base)\"/>"
        case .integer(let range):
            out += pad + "<xs:restriction base=\"xs:integer\">"
            out += pad + "  <xs:pattern value=\"[0-9]{1,9}\"/>"
            out += pad + "  <xs:minInclusive value=\"\(range.lowerBound)\"/>"
            out += pad + "  <xs:maxInclusive value=\"\(range.upperBound)\"/>"
            out += pad + "</xs:restriction>"
        case .choice(let words):
            out += pad + "<xs:restriction base=\"\(base)\">"
            for word in words { out += pad + "  <xs:enumeration value=\"\(escaped(word))\"/>" }
            out += pad + "</xs:restriction>"
        case .pattern(let pattern):
            out += pad + "<xs:restriction base=\"\(base)\">"
            out += pad + "  <xs:pattern value=\"\(escaped(pattern))\"/>"
            out += pad + "</xs:restriction>"
        }
    }

    private static func documentation(_ text: String, indent: Int, into out: inout Lines) {
        let pad = String(repeating: " ", count: indent)
        out += pad + "<xs:annotation><xs:documentation>\(escaped(text))</xs:documentation></xs:annotation>"
    }

    private static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
