import Diagnostics

/// One verb of ConneXML as every tool sees it: its element, where it
/// stands in a script, the verbs nested in it, and the ways a call can go
/// on from it. Each verb declares all of this in its own file under
/// Verbs/, next to its syntax (`VerbSyntax`); the engine gives it its run
/// semantics in one file under Engine/Verbs. Everything else — the step
/// loop, coverage, the call-flow graph, completion, the reference — walks
/// `VerbRegistry` and these declarations instead of listing verbs again.
public protocol VerbDefinition: Sendable {
    /// The element the verb is written as (`Say`, `Set`, ...).
    static var elementName: String { get }
    /// Where its start tag is.
    var position: SourcePosition { get }
    /// The verbs that run inside it (`Condition`, `Press`); empty for most.
    var nestedVerbs: [Verb] { get }
    /// The ways a call can go on from this verb, as written (a blind
    /// `Transfer` has fewer than an attended one): what coverage asks the
    /// samples to take and what the call-flow graph draws. Empty for a verb
    /// that does not branch.
    var outcomes: [VerbOutcome] { get }
    /// Every outcome the verb can have, whatever its attributes.
    static var possibleOutcomes: [VerbOutcome] { get }
    /// Whether nothing after it in the same list can run, as written (a
    /// blind `Transfer` ends the list; an attended one comes back when the
    /// recipient does not answer). The checker warns of verbs after it.
    var endsTheList: Bool { get }
    /// How it ends the list, as the checker's `unreachable` hint says it
    /// ("the <Hangup> at line 3 ends the call"). Asked only when `endsTheList`.
    var howItEndsTheList: String { get }
    /// Whether the call is over where it stands (`Hangup`, `Reject`),
    /// whatever happens: the graph draws it as an ending.
    static var endsTheCall: Bool { get }
}

extension VerbDefinition {
    public var nestedVerbs: [Verb] { [] }
    public var outcomes: [VerbOutcome] { [] }
    public static var possibleOutcomes: [VerbOutcome] { [] }
    public var endsTheList: Bool { Self.endsTheCall }
    public var howItEndsTheList: String { "ends the call" }
    public static var endsTheCall: Bool { false }
}

/// One way a call can go on from a verb that branches: `busy` after a
/// `Dial`, `no input` after a `Gather`, `true` of a `Condition`. Declared
/// once by the verb (`Dial.Outcome.busy`); the engine marks the trace event
/// that takes it, so coverage and the graph never match event names.
public struct VerbOutcome: Hashable, Sendable, CustomStringConvertible {
    /// As reports and the graph write it.
    public let name: String
    /// What it means, for the reference.
    public let meaning: String

    public init(_ name: String, _ meaning: String) {
        self.name = name
        self.meaning = meaning
    }

    public var description: String { name }

    // Only the name identifies an outcome; the meaning is its documentation.
    public static func == (a: VerbOutcome, b: VerbOutcome) -> Bool { a.name == b.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}
