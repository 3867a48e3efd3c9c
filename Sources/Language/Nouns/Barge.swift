import Diagnostics
import XMLParsing

/// `<Barge whisper="ab" bridge="ab" commands="true">group</Barge>`: listen
/// in on (and optionally talk into) a call in progress. Text: the barge
/// group whose calls may be joined; empty means any call of the customer.
/// Who may barge is decided by the policy layer, not here.
public struct Barge: Sendable {
    /// A set of legs of the joined call: A placed it, B is the other party.
    public enum Legs: String, Sendable, CaseIterable {
        case a, b, ab

        public var includesA: Bool { self != .b }
        public var includesB: Bool { self != .a }
    }

    /// The barge group; nil for any call of the caller's customer.
    public let group: Template?
    /// The legs that hear the barger; default `ab`.
    public let whisper: Setting<Legs>
    /// The legs the barger hears; default `ab`.
    public let bridge: Setting<Legs>
    /// DTMF commands while barging; default true.
    public let commands: Setting<Bool>
    public let position: SourcePosition

    public static let groupKind = ValueKind<String>.plainName
}

extension Barge: DialNounSyntax {
    static let elementName = "Barge"

    static func check(_ element: Element, _ checker: inout Checker) -> Dial.Destination? {
        var attributes = AttributeReader(element)
        let whisper = attributes.value(
            "whisper", Legs.choiceKind, default: Legs.ab,
            about: "the legs that hear the barger (a: the leg that placed the joined call, b: the other)", &checker)
        let bridge = attributes.value("bridge", Legs.choiceKind, default: Legs.ab, about: "the legs the barger hears", &checker)
        // Decision (language.md): the documentation's table says `command`,
        // its examples `commands`; `commands` is the name.
        let spelled = attributes.value(
            "commands", .boolean, default: true,
            about: "true: the barger's keys change the mode while barging", &checker)
        let alias = attributes.alias("command", for: "commands", .boolean, &checker)
        let commands = spelled.isExplicit ? spelled : alias ?? spelled
        attributes.finish(&checker)
        guard let text = checker.expectText(element, required: nil) else { return nil }
        var group: Template?
        if let literal = text.literal {
            if !literal.isEmpty {
                if PlainName.isValid(literal) {
                    group = text
                } else {
                    let hint = PlainName.suggestion(for: literal).map { "did you mean '\($0)'?" }
                    checker.error(
                        .invalidGroupName,
                        "barge group \(Checker.quote(literal)) is not a valid name: use lowercase letters, digits and _ only",
                        at: element.firstText?.position ?? element.position, hint: hint)
                }
            }
        } else {
            group = text
        }
        return .barge(Barge(group: group, whisper: whisper, bridge: bridge, commands: commands, position: element.position))
    }
}

/// The codes this file emits (their meanings for users: ScriptDiagnostics).
extension DiagnosticCode {
    /// A barge group that is not `^[a-z_0-9]+$`.
    static let invalidGroupName: DiagnosticCode = "invalid-group-name"
}

extension Barge {
    static let reference = ElementReference(
        summary:
            "Listens in on (and optionally talks into) a call in progress; the text is the barge group, empty for any call of the caller's customer.",
        run:
            "Policy decides (the barge flag, the group, the target call, and the whisper flag for being heard). On joining, and after every key, the trace states who hears whom. With `commands`, keys work as FreeSWITCH's eavesdrop: `2` talk to A, `1` to B, `3` to both, `0` back to listening, `*` leave; other keys are traced with no effect.",
        checks: ["A group that is not `^[a-z_0-9]+$` (`GROUPA`): error `invalid-group-name`."])
}

extension Barge.Legs {
    /// `.choice` made once: it allocates its rules each time it is asked
    /// for, and the checker reads this attribute on every element that has it.
    static let choiceKind = ValueKind<Barge.Legs>.choice
}
