import Diagnostics
import XMLParsing

/// `<Reject reason="busy"/>`: refuses the call; it is never answered.
/// Only as a direct child of `<Response>`.
public struct Reject: Sendable {
    public enum Reason: String, Sendable, CaseIterable {
        case rejected, busy
    }

    /// Default `rejected`.
    public let reason: Setting<Reason>
    public let position: SourcePosition
}

extension Reject: VerbDefinition, VerbSyntax {
    public static let elementName = "Reject"

    static func check(_ element: Element, in scope: Scope, _ checker: inout Checker) -> Verb? {
        var attributes = AttributeReader(element)
        let reason = attributes.value(
            "reason", Reason.choiceKind, default: Reason.rejected, about: "what the caller is told: refused, or busy", &checker)
        attributes.finish(&checker)
        checker.expectEmpty(element)
        if scope != .response {
            checker.error(
                .misplacedElement, "<Reject> must be a direct child of <Response>, not inside \(scope.description)",
                at: element.position, hint: "a call can only be rejected before it is answered; use <Hangup> here")
        }
        return .reject(Reject(reason: reason, position: element.position))
    }
}

extension Reject {
    static let reference = ElementReference(
        summary: "Refuses the call; it is never answered.",
        run:
            "Ends the call with `reason`. Before anything was answered the call is never answered; the trace says whether it was.",
        checks: [
            "Anywhere but directly in `<Response>`: error `misplaced-element` (a call can only be refused before it is answered)."
        ])
}

extension Reject {
    /// The call is refused: nothing after it runs.
    public static var endsTheCall: Bool { true }
}

extension Reject.Reason {
    /// `.choice` made once: it allocates its rules each time it is asked
    /// for, and the checker reads this attribute on every element that has it.
    static let choiceKind = ValueKind<Reject.Reason>.choice
}
