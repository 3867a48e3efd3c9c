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

    public static let digitsKind = ValueKind<String>(expected: "one or more keys of 0-9, * and #", schema: .pattern("[0-9*#]+")) {
        DTMF.isKeys($0) ? $0 : nil
    }
}

extension Press: VerbDefinition, VerbSyntax {
    public static let elementName = "Press"

    static func check(_ element: Element, in scope: Scope, _ checker: inout Checker) -> Verb? {
        var attributes = AttributeReader(element)
        // Keys and contexts are bound when the script is read: no templates.
        let digits = attributes.literal("digit", digitsKind, required: true, about: "the key or key sequence (3, #0)", &checker)
        let context = attributes.literal(
            "context", .contextName,
            about: "the context in which the binding is active; every context when absent", &checker)
        let leg = attributes.value(
            "dtmf_leg", Leg.choiceKind, default: Leg.a, about: "whose keys count: the caller's leg (a) or the other party's (b)",
            &checker)
        attributes.finish(&checker)
        if scope == .press {
            checker.error(
                .misplacedElement, "<Press> cannot be nested in <Press>", at: element.position,
                hint: "bind keys side by side, or <Enter> a context whose <Press> bindings apply")
        }
        let verbs = VerbList.check(element, in: .press, &checker)
        if !element.hasChildElements {
            checker.warning(.noEffect, "<Press> has no verbs to run", at: element.position)
        }
        guard let keys = digits, context != nil || element.attributeIndex("context") == nil else { return nil }
        return .press(Press(digits: keys, context: context, leg: leg, verbs: verbs, position: element.position))
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

extension Press {
    static let reference = ElementReference(
        summary: "Binds a key to verbs while the call is in a context: a binding, not a step.",
        run:
            "From where it stands for the rest of the call, a key pressed on `dtmf_leg` in the binding's context (or in any, without `context`) cuts short what is playing and runs the binding's verbs; then the script goes on after the verb the key interrupted. A sequence such as `#0` matches keys pressed one at a time, each within 1.5 s of the previous (FreeSWITCH's `bind_digit_action`). A bound key pressed while a binding's verbs run takes over from it; bindings never nest.",
        checks: [
            "A template in `digit` or `context`: error `invalid-value` (bindings are made when the script is read).",
            "`<Press>` inside `<Press>`: error `misplaced-element`; a `<Press>` without verbs: warning `no-effect`.",
        ])
}

extension Press.Leg {
    /// `.choice` made once: it allocates its rules each time it is asked
    /// for, and the checker reads this attribute on every element that has it.
    static let choiceKind = ValueKind<Press.Leg>.choice
}
