import Diagnostics
import XMLParsing

/// `<Press digit="3" context="menu" dtmf_leg="a">verbs</Press>`: binds a key
/// to verbs while the call is in a context. A binding, not a step: it takes
/// effect where it stands and lasts for the rest of the call.
public struct Press: Sendable {
    public enum Leg: String, Sendable, CaseIterable {
        case a, b
    }

    /// The key or key sequence (`3`, `#0`).
    public let digits: String
    /// The context in which the binding is active; nil for every context.
    public let context: String?
    /// Whose keys count; default `a`.
    public let leg: Setting<Leg>
    /// What runs when the key is pressed.
    public let verbs: [Verb]
    public let position: SourcePosition

    public static let digitsKind = ValueKind<String>(expected: "one or more keys of 0-9, * and #") {
        DTMF.isKeys($0) ? $0 : nil
    }
}

extension Press: VerbDefinition, VerbSyntax {
    public static let elementName = "Press"

    static func check(_ element: Element, in scope: Scope, _ checker: inout Checker) -> Verb? {
        var attributes = AttributeReader(element)
        let digits = attributes.required("digit", digitsKind, &checker)
        let context = attributes.optional("context", .contextName, &checker)
        let leg = attributes.value("dtmf_leg", .choice, default: Leg.a, &checker)
        attributes.finish(&checker)
        if scope == .press {
            checker.error(.misplacedElement, "<Press> cannot be nested in <Press>", at: element.position,
                          hint: "bind keys side by side, or <Enter> a context whose <Press> bindings apply")
        }
        let verbs = VerbList.check(element, in: .press, &checker)
        if element.childElements.isEmpty {
            checker.warning(.noEffect, "<Press> has no verbs to run", at: element.position)
        }
        // Templates make no sense for keys and contexts: they are bound when
        // the script is read.
        guard let keys = digits?.fixedValue else {
            if let d = digits, d.fixedValue == nil { checker.error(.invalidValue, "digit of <Press> cannot be a template", at: element.attribute("digit")?.position) }
            return nil
        }
        if let c = context, c.fixedValue == nil {
            checker.error(.invalidValue, "context of <Press> cannot be a template", at: element.attribute("context")?.position)
            return nil
        }
        return .press(Press(digits: keys, context: context?.fixedValue, leg: leg, verbs: verbs, position: element.position))
    }
}

extension Press {
    /// A binding either fires or never does; never firing is no branch.
    public enum Outcome {
        public static let pressed = VerbOutcome("pressed", "the key was pressed in its context: its verbs run")
    }

    public static var possibleOutcomes: [VerbOutcome] { [Outcome.pressed] }
    public var outcomes: [VerbOutcome] { Self.possibleOutcomes }
    public var nestedVerbs: [Verb] { verbs }
}
