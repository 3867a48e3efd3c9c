import ArgumentParser
import Language

/// `connexml reference [--xsd]`: the language reference, or the XML Schema
/// for editors, as this build's checker reads ConneXML. The same text as
/// docs/reference.md and docs/connexml.xsd, so an installed binary gives
/// the schema that matches its own `check`.
struct ReferenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reference",
        abstract: "Print the ConneXML reference (Markdown), or with --xsd the XML Schema for editors.",
        discussion: """
            Every verb, noun and attribute as connexml check reads it: type, default, whether a template \
            may stand for it, what check says and what run does. Generated from the checker, as are \
            docs/reference.md and docs/connexml.xsd.
            With --xsd: an XML Schema that XML editors (VS Code's XML extension, IntelliJ) use to complete \
            and validate scripts. It is strict where check only warns: attributes check ignores (unknown, \
            or another dialect's) are errors in the editor.
            """
    )

    @Flag(help: "Print the XML Schema (XSD) instead of the Markdown reference.")
    var xsd = false

    func run() {
        print(xsd ? XMLSchemaDocument.text : ReferenceDocument.markdown, terminator: "")
    }
}
