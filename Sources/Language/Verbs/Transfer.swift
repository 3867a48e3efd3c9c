import Diagnostics
import XMLParsing

/// `<Transfer attended="false">target</Transfer>`: sends the call to a
/// number, an extension or a SIP user name (the documentation transfers to
/// `test4`), blind or after confirming the recipient. A blind transfer
/// ends the script.
public struct Transfer: Sendable {
    public let target: Setting<String>
    /// Default false (blind).
    public let attended: Setting<Bool>
    public let position: SourcePosition

    /// A number (`DialString`) or a SIP user name: any text without white
    /// space or control characters (`TransferTarget`, by which the policy
    /// layer judges them too: `Policy.mayTransfer`): numbers go by the dial rules, names must be
    /// users of the caller's customer.
    public static let targetKind = ValueKind<String>(
        expected: "a number, an extension or a SIP user name, without spaces",
        schema: .pattern("\\S+"),
        parse: { TransferTarget.isValid($0) ? $0 : nil }
    ).explaining { text in DialString.compacted(text).map { "as a number, write it without separators: \($0)" } }
}

extension Transfer: VerbDefinition, VerbSyntax {
    public static let elementName = "Transfer"

    static func check(_ element: Element, in scope: Scope, _ checker: inout Checker) -> Verb? {
        var attributes = AttributeReader(element)
        let attended = attributes.value(
            "attended", .boolean, default: false,
            about: "true: confirm the recipient answers before handing the call over; false: hand it over at once (blind)",
            &checker)
        attributes.finish(&checker)
        guard
            let target = checker.expectText(
                element, required: "the number, extension or SIP user to transfer to", as: targetKind, what: "transfer target")
        else { return nil }
        return .transfer(Transfer(target: target, attended: attended, position: element.position))
    }
}

extension Transfer {
    /// How a Transfer ends. A blind one hands the call away at once; an
    /// attended one comes back to the script unless the recipient answers.
    public enum Outcome {
        public static let transferred = VerbOutcome("transferred", "the call was handed to the target")
        public static let busy = VerbOutcome("busy", "an attended transfer's target was busy: the script goes on")
        public static let noAnswer = VerbOutcome("no-answer", "an attended transfer's target did not answer: the script goes on")
        public static let failed = VerbOutcome("failed", "an attended transfer's target could not be reached: the script goes on")
        public static let denied = VerbOutcome("denied", "policy refused it: the script goes on")
    }

    public static var possibleOutcomes: [VerbOutcome] {
        [Outcome.transferred, Outcome.busy, Outcome.noAnswer, Outcome.failed, Outcome.denied]
    }

    public var outcomes: [VerbOutcome] {
        if attended.fixedValue == false { return [Outcome.transferred, Outcome.denied] }
        return Self.possibleOutcomes
    }
}

extension Transfer {
    static let reference = ElementReference(
        summary: "Transfers the call to the number, extension or SIP user name in its text.",
        run:
            "Policy decides first (the `transfer` flag, then the dial rules for a number, or for a name that it is a SIP user of the caller's customer); a denied transfer goes on with the next verb. A blind transfer ends the script at once. An attended one rings the target as the scenario's `answers` say: answered, the call is handed over; busy, no answer or failed, the script goes on.",
        checks: ["Verbs after a blind `<Transfer>`: warning `unreachable`."])
}

extension Transfer {
    /// A blind transfer hands the call away (only a denied one goes on);
    /// an attended one comes back when the recipient does not answer, and
    /// a templated `attended` may be either.
    public var endsTheList: Bool { attended.fixedValue == false }
    public var howItEndsTheList: String { "hands the call away (a blind transfer; only a refused one goes on)" }
}
