import Diagnostics
import XMLParsing

/// One element of ConneXML as `check` reads it: its attributes and what it
/// may contain, read off the checker itself (see `LanguageSyntax`), with
/// the reference text its own file declares.
public struct ElementSyntax: Sendable {
    public enum Content: Sendable {
        case empty
        case text(TextSyntax)
        /// Only these elements.
        case elements([String])
        /// Text, or these elements (`Dial`: a number, or nouns).
        case textOrElements(TextSyntax, [String])
        /// A list of verbs: these elements, in any order and number.
        case verbs([String])
    }

    public let name: String
    public let reference: ElementReference
    public let attributes: [AttributeSyntax]
    public let ignoredAttributes: [IgnoredAttribute]
    public let content: Content
    /// The elements it may stand in.
    public internal(set) var parents: [String] = []
    /// Whether it is a verb (a step of a script) rather than a noun or a part.
    public let isVerb: Bool
    /// The ways a call can go on from it, for a verb that branches.
    public let outcomes: [VerbOutcome]

    /// The elements it may contain.
    public var children: [String] {
        switch content {
        case .empty, .text: []
        case .elements(let names), .textOrElements(_, let names), .verbs(let names): names
        }
    }
}

/// Every element of ConneXML, found by walking down from `<Response>` and
/// checking a small document for each element where it may stand, with a
/// recording on: the attributes are those the element's `AttributeReader`
/// reads, the children those its check accepts (a verb is allowed in a
/// list unless checking it there gives `misplaced-element`). Nothing here
/// lists attributes or children again, so the reference and the XSD cannot
/// drift from `check`.
public enum LanguageSyntax {
    /// In the order of the walk: `<Response>`, then the verbs in the
    /// registry's order, then what stands inside them.
    public static let elements: [ElementSyntax] = walk()

    public static func element(_ name: String) -> ElementSyntax? { elements.first { $0.name == name } }

    /// Reference text by element name: the registry's verbs, the nouns of
    /// `<Dial>`, and the elements that stand in one parent only.
    static let references: [String: ElementReference] = {
        let parts: [any ElementDocumentation.Type] = [Before.self, Stream.self, Stream.Parameter.self]
        let documented = VerbRegistry.syntaxes as [any ElementDocumentation.Type] + DialNoun.all + parts
        var result = ["Response": ScriptChecker.responseReference]
        for element in documented { result[element.elementName] = element.reference }
        return result
    }()

    private static func walk() -> [ElementSyntax] {
        var found: [String: ElementSyntax] = [:]
        var order: [String] = []
        var paths: [[String]] = [["Response"]]
        while !paths.isEmpty {
            let path = paths.removeFirst()
            let name = path[path.count - 1]
            guard found[name] == nil, let probe = Probe(path), let recorded = probe.innermost else { continue }
            let content: ElementSyntax.Content
            switch recorded.content {
            case .unknown, .empty: content = .empty
            case .text(let text): content = .text(text)
            case .elements(let names): content = .elements(names)
            case .textOrElements(let text, let names): content = .textOrElements(text, names)
            case .verbs(_, let acceptsBefore):
                let candidates = VerbRegistry.syntaxes.map { $0.elementName } + (acceptsBefore ? [Before.elementName] : [])
                content = .verbs(candidates.filter { Probe(path + [$0])?.innermostIsMisplaced == false })
            }
            let verb = VerbRegistry.byElementName[name]
            found[name] = ElementSyntax(
                name: name, reference: references[name] ?? ElementReference(summary: "", run: ""),
                attributes: recorded.attributes, ignoredAttributes: recorded.ignored, content: content,
                isVerb: verb != nil, outcomes: verb?.possibleOutcomes ?? [])
            order.append(name)
            // Verbs first, in the registry's order: every list's children
            // are the registry's, so the first list visits them all.
            for child in ElementSyntax(
                name: name, reference: .init(summary: "", run: ""), attributes: [], ignoredAttributes: [],
                content: content, isVerb: false, outcomes: []
            ).children {
                paths.append(path + [child])
            }
        }
        for parent in order {
            for child in found[parent]!.children where !found[child]!.parents.contains(parent) {
                found[child]!.parents.append(parent)
            }
        }
        return order.map { found[$0]! }
    }

    /// A document with one element of each name in `path`, nested, one a
    /// line, checked with a recording on.
    private struct Probe {
        let path: [String]
        let recording: SyntaxRecording
        let diagnostics: [Diagnostic]

        init?(_ path: [String]) {
            let opening = path.dropLast().map { "<\($0)>\n" }.joined()
            let closing = path.dropLast().reversed().map { "</\($0)>\n" }.joined()
            let text = opening + "<\(path[path.count - 1])/>\n" + closing
            guard case .document(let document) = XMLParser.parse(Array(text.utf8), file: "probe") else { return nil }
            var checker = Checker(file: "probe")
            checker.recording = SyntaxRecording()
            _ = ScriptChecker.check(document, &checker)
            self.path = path
            self.recording = checker.recording ?? SyntaxRecording()
            self.diagnostics = checker.diagnostics
        }

        /// The innermost element's record: the element on the last line.
        var innermost: SyntaxRecording.Element? {
            recording.elements.first { $0.key.line == path.count && $0.value.name == path[path.count - 1] }?.value
        }

        var innermostIsMisplaced: Bool {
            diagnostics.contains { $0.code == .misplacedElement && $0.position?.line == path.count }
        }
    }
}
