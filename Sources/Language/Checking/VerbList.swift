import Diagnostics
import XMLParsing

/// Checks a list of verbs (the children of `<Response>`, `<Condition>` or
/// `<Press>`): each element through its verb's syntax, text outside verbs,
/// elements that are not verbs here, and verbs no call can reach.
enum VerbList {
    /// Every verb, by element name.
    static var syntaxes: [String: any VerbSyntax.Type] { VerbRegistry.byElementName }

    /// Elements that exist in ConneXML but only inside a particular parent.
    static let placedElements: [String: String] = {
        var result = [
            "Before": "<Response>", "Stream": "<Start>", "Parameter": "<Stream>", "Response": "the top of the document",
        ]
        for name in DialNoun.syntaxes.keys { result[name] = "<Dial>" }
        return result
    }()

    /// Every ConneXML element name, for did-you-mean hints.
    static var allElementNames: [String] { Array(syntaxes.keys) + Array(placedElements.keys) }

    static func check(
        _ parent: Element, in scope: Scope, _ checker: inout Checker,
        beforeBlock: ((Element, inout Checker) -> Void)? = nil
    ) -> [Verb] {
        checker.recordContent(.verbs(scope, acceptsBefore: beforeBlock != nil), of: parent)
        var verbs: [Verb] = []
        verbs.reserveCapacity(parent.children.count)
        var endedBy: Verb?
        var reportedUnreachable = false
        for child in parent.children {
            switch child {
            case .text(let text):
                if checker.reportAttributesAsText(text, of: parent, needsContent: true) { continue }
                let hint =
                    text.value.trimmed.hasPrefix(">") ? "a stray '>': is a tag closed twice?" : "put text to speak inside <Say>"
                checker.error(
                    .strayText, "text outside a verb in \(scope.description): \(Checker.quote(text.value))",
                    at: text.position, hint: hint)
            case .element(let element):
                if element.prefix == nil, element.name == "Before", let beforeBlock {
                    beforeBlock(element, &checker)
                    continue
                }
                guard element.prefix == nil, let syntax = VerbRegistry.syntax(named: element.name) else {
                    reportNotAVerb(element, in: scope.description, &checker)
                    continue
                }
                guard let verb = syntax.check(element, in: scope, &checker) else { continue }
                if let ender = endedBy?.definition, !reportedUnreachable {
                    reportedUnreachable = true
                    checker.warning(
                        .unreachable, "<\(element.name)> is never reached",
                        at: element.position,
                        hint: "the <\(type(of: ender).elementName)> at line \(ender.position.line) \(ender.howItEndsTheList)")
                }
                if endedBy == nil, verb.endsTheList { endedBy = verb }
                verbs.append(verb)
            }
        }
        return verbs
    }

    /// An element that is not a verb where it stands: another dialect's, a
    /// noun out of place, a case slip, or unknown.
    static func reportNotAVerb(_ element: Element, in place: String, _ checker: inout Checker) {
        if element.prefix != nil {
            checker.error(
                .unknownElement, "<\(element.qualifiedName)> is not ConneXML: ConneXML elements have no namespace prefix",
                at: element.position)
        } else if let dialect = Dialect.foreignElements[element.name] {
            checker.error(
                .foreignElement, "<\(element.name)> is \(dialect.rawValue), not ConneXML",
                at: element.position, hint: "the ConnexCS platform will not run it; see \"Portability\" in the README")
        } else if let home = placedElements[element.name] {
            checker.error(
                .misplacedElement, "<\(element.name)> cannot stand in \(place): it belongs in \(home)",
                at: element.position)
        } else if syntaxes[element.name] != nil {
            checker.error(.misplacedElement, "<\(element.name)> cannot stand in \(place)", at: element.position)
        } else {
            checker.error(
                .unknownElement, "unknown element <\(element.name)>", at: element.position,
                hint: didYouMean(element.name))
        }
    }

    static func didYouMean(_ name: String) -> String? {
        guard let match = Suggestions.closest(to: name, among: allElementNames) else { return nil }
        if match.lowercased() == name.lowercased() { return "did you mean <\(match)>? Element names are case-sensitive" }
        return "did you mean <\(match)>?"
    }
}

extension Verb {
    /// `definition.endsTheList`, asked of the verb as its own type: the
    /// checker asks it of every verb, and `definition` copies the verb into
    /// a box first.
    fileprivate var endsTheList: Bool {
        var asker = EndsTheList()
        return accept(&asker)
    }
}

private struct EndsTheList: VerbVisitor {
    func visit(_ say: Say) -> Bool { say.endsTheList }
    func visit(_ play: Play) -> Bool { play.endsTheList }
    func visit(_ pause: Pause) -> Bool { pause.endsTheList }
    func visit(_ hangup: Hangup) -> Bool { hangup.endsTheList }
    func visit(_ reject: Reject) -> Bool { reject.endsTheList }
    func visit(_ redirect: Redirect) -> Bool { redirect.endsTheList }
    func visit(_ gather: Gather) -> Bool { gather.endsTheList }
    func visit(_ enqueue: Enqueue) -> Bool { enqueue.endsTheList }
    func visit(_ dial: Dial) -> Bool { dial.endsTheList }
    func visit(_ press: Press) -> Bool { press.endsTheList }
    func visit(_ transfer: Transfer) -> Bool { transfer.endsTheList }
    func visit(_ enter: Enter) -> Bool { enter.endsTheList }
    func visit(_ set: SetVariable) -> Bool { set.endsTheList }
    func visit(_ start: Start) -> Bool { start.endsTheList }
    func visit(_ echo: Echo) -> Bool { echo.endsTheList }
    func visit(_ condition: Condition) -> Bool { condition.endsTheList }
}

/// The codes this file emits (their meanings for users: ScriptDiagnostics).
extension DiagnosticCode {
    /// Text where only elements may stand.
    static let strayText: DiagnosticCode = "stray-text"
    /// An element ConneXML does not have.
    static let unknownElement: DiagnosticCode = "unknown-element"
    /// An element of another dialect (TwiML, TeXML, SSML).
    static let foreignElement: DiagnosticCode = "foreign-element"
    /// A known element where it may not stand.
    static let misplacedElement: DiagnosticCode = "misplaced-element"
    /// Verbs after one that ends the list.
    static let unreachable: DiagnosticCode = "unreachable"
}
