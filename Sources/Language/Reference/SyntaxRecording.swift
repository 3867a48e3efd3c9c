import Diagnostics
import XMLParsing

/// What the checker read on each element of one document, by the element's
/// position: its attributes (`AttributeReader`) and what it may contain
/// (`expectEmpty`, `expectText`, `forEachChild`, verb lists). Nil in the
/// checker while checking scripts, so checking pays nothing for it.
struct SyntaxRecording {
    struct Element {
        var name: String
        var attributes: [AttributeSyntax] = []
        /// Every name read, in order, aliases of time tests included (completion).
        var known: [String] = []
        var ignored: [IgnoredAttribute] = []
        var aliases: [(alias: String, name: String)] = []
        var content = Content.unknown
    }

    enum Content {
        /// Nothing recorded (the check stopped before its content).
        case unknown
        case empty
        case text(TextSyntax)
        /// Only these elements (and white space).
        case elements([String])
        /// Text, or these elements (`Dial`: a number or nouns).
        case textOrElements(TextSyntax, [String])
        /// A list of verbs, as in `scope`; `Before` too when `acceptsBefore`.
        case verbs(Scope, acceptsBefore: Bool)
    }

    private(set) var elements: [SourcePosition: Element] = [:]

    mutating func record(
        attributes: [AttributeSyntax], known: [String], ignored: [IgnoredAttribute],
        aliases: [(alias: String, name: String)], of element: XMLParsing.Element
    ) {
        var entry = elements[element.position] ?? Element(name: element.name)
        var attributes = attributes
        for (alias, name) in aliases {
            if let i = attributes.firstIndex(where: { $0.name == name }) { attributes[i].aliases.append(alias) }
        }
        entry.attributes = attributes
        entry.known = known
        entry.ignored = ignored
        entry.aliases = aliases
        elements[element.position] = entry
    }

    mutating func record(_ content: Content, of element: XMLParsing.Element) {
        var entry = elements[element.position] ?? Element(name: element.name)
        entry.content = content
        elements[element.position] = entry
    }
}

extension Checker {
    /// Records what `element` may contain, when a recording is on (built
    /// only then: this runs for every element of every script).
    mutating func recordContent(_ content: @autoclosure () -> SyntaxRecording.Content, of element: XMLParsing.Element) {
        guard recording != nil else { return }
        recording?.record(content(), of: element)
    }
}
