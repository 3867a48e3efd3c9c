/// docs/reference.md, written from `LanguageSyntax`: every element, its
/// attributes (type, default, templates), what it contains, what `check`
/// says and what `run` does. Checked in; a test regenerates and compares.
public enum ReferenceDocument {
    public static var markdown: String {
        var out = Lines()
        out += "# ConneXML reference"
        out += ""
        out += "Generated from the checker (`LanguageSyntax`): the attributes are those `check` reads, the"
        out += "children those it accepts, the text beside each verb's syntax in Sources/Language. Do not edit"
        out += "by hand: `CONNEXML_UPDATE_GOLDEN=1 swift test --filter GeneratedDocumentsTests` rewrites it"
        out += "(`connexml reference` prints it). The XML Schema beside it, `connexml.xsd`, comes from the same"
        out += "walk. Why each choice was made: [decisions.md](decisions.md); the language: language.md."
        out += ""
        out += "Attribute values may be templates (`{{ name }}`, `${name}`, `{{ substring NAME START [LENGTH] }}`)"
        out += "unless the table says no: a template is expanded when the verb runs, and the result is checked"
        out += "then (an `error` event, and the verb is skipped, when it is not valid)."
        out += ""
        out += "## What `check` says of every element"
        out += ""
        out += "- A value that is not what the table says: error `invalid-value`, naming what was expected."
        out += "- A required attribute left out: error `missing-attribute`."
        out += "- An attribute not in the table: warning `unknown-attribute`, with a did-you-mean (an error on"
        out += "  `<Condition>`). One listed as another dialect's: warning `unsupported-attribute`. Both are"
        out += "  ignored by the platform."
        out += "- An alias (\"also read as\"): warning `attribute-alias`; an alias and its name together: error"
        out += "  `duplicate-attribute`."
        out += "- Text in an element that takes none: error `unexpected-text`; a child element where none may"
        out += "  stand: `unexpected-child`, `invalid-child`, `misplaced-element`, `foreign-element` or"
        out += "  `unknown-element`; required text missing: `missing-text`; attributes written as text:"
        out += "  `attribute-as-text`; text outside a verb: `stray-text`."
        out += "- Verbs after `<Hangup>`, `<Reject>`, `<Redirect>` or a blind `<Transfer>`: warning `unreachable`."
        out += "- A malformed template: error `template-syntax` or `unknown-template-function`."
        out += ""
        out += "Every code, with its meaning: [checking.md](checking.md)."
        let elements = LanguageSyntax.elements
        let groups: [(String, [ElementSyntax])] = [
            ("Verbs", elements.filter(\.isVerb)),
            ("Nouns of `<Dial>`", elements.filter { !$0.isVerb && $0.parents == ["Dial"] }),
            ("Other elements", elements.filter { !$0.isVerb && $0.parents != ["Dial"] }),
        ]
        for (title, members) in groups {
            out += ""
            out += "## \(title)"
            out += ""
            out += "| Element | What it is |"
            out += "| --- | --- |"
            for element in members {
                out += "| [`<\(element.name)>`](#\(anchor(element.name))) | \(cell(element.reference.summary)) |"
            }
            for element in members { section(element, into: &out) }
        }
        return out.text
    }

    private static func section(_ element: ElementSyntax, into out: inout Lines) {
        out += ""
        out += "### \(element.name)"
        out += ""
        out += element.reference.summary
        out += ""
        if !element.parents.isEmpty {
            out += "- Stands in: " + element.parents.map { "`<\($0)>`" }.joined(separator: ", ") + "."
        }
        out += "- Contains: " + contents(element.content) + "."
        if !element.ignoredAttributes.isEmpty {
            let byDialect = Dictionary(grouping: element.ignoredAttributes, by: \.dialect)
            for dialect in byDialect.keys.sorted() {
                out +=
                    "- Ignored (\(dialect), warning `unsupported-attribute`): "
                    + byDialect[dialect]!.map { "`\($0.name)`" }.joined(separator: ", ") + "."
            }
        }
        if !element.attributes.isEmpty {
            out += ""
            out += "| Attribute | Value | Default | Template | What it does |"
            out += "| --- | --- | --- | --- | --- |"
            for attribute in element.attributes {
                var name = "`\(attribute.name)`"
                if !attribute.aliases.isEmpty {
                    name += " (also read as " + attribute.aliases.map { "`\($0)`" }.joined(separator: ", ") + ")"
                }
                let defaultText = attribute.isRequired ? "required" : attribute.defaultValue.map { "`\($0)`" } ?? "none"
                out +=
                    "| \(name) | \(cell(attribute.expected)) | \(cell(defaultText)) | \(attribute.acceptsTemplates ? "yes" : "no") | \(cell(attribute.description)) |"
            }
        }
        if !element.reference.checks.isEmpty {
            out += ""
            out += "`check` also says:"
            out += ""
            for check in element.reference.checks { out += "- \(check)" }
        }
        out += ""
        out += "`run`: \(element.reference.run)"
        if !element.outcomes.isEmpty {
            out += ""
            out += "Outcomes (what coverage asks the samples to take, and the call-flow graph draws):"
            out += ""
            for outcome in element.outcomes { out += "- `\(outcome.name)`: \(outcome.meaning)" }
        }
    }

    private static func contents(_ content: ElementSyntax.Content) -> String {
        switch content {
        case .empty: "nothing (write it self-closing)"
        case .text(let text): textContent(text)
        case .elements(let names): "only " + list(names)
        case .textOrElements(let text, let names): textContent(text) + "; or instead one of " + list(names)
        case .verbs(let names): "verbs: " + list(names)
        }
    }

    private static func textContent(_ text: TextSyntax) -> String {
        var words = "text"
        if let what = text.what { words += ", \(what)" }
        if let expected = text.expected { words += " (\(expected))" }
        words += text.isRequired ? ", required" : ", optional"
        return words
    }

    private static func list(_ names: [String]) -> String { names.map { "`<\($0)>`" }.joined(separator: ", ") }

    /// GitHub's heading anchor for a heading of one element name.
    private static func anchor(_ name: String) -> String { name.lowercased() }

    private static func cell(_ text: String) -> String { String(text.flatMap { $0 == "|" ? ["\\", "|"] : [$0] }) }
}

/// Lines of a generated document, ended with a newline each.
struct Lines {
    private(set) var lines: [String] = []
    static func += (lines: inout Lines, line: String) { lines.lines.append(line) }
    var text: String { lines.joined(separator: "\n") + "\n" }
}
