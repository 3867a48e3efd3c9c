import Diagnostics

/// Does something with each kind of verb: run it (the engine's step), draw
/// it, collect from it. `Verb.accept` is the one place that tells the kinds
/// apart, so a new verb is a compile error in every visitor that must learn
/// it, not a `default:` that silently skips it.
public protocol VerbVisitor {
    associatedtype Result
    mutating func visit(_ say: Say) -> Result
    mutating func visit(_ play: Play) -> Result
    mutating func visit(_ pause: Pause) -> Result
    mutating func visit(_ hangup: Hangup) -> Result
    mutating func visit(_ reject: Reject) -> Result
    mutating func visit(_ redirect: Redirect) -> Result
    mutating func visit(_ gather: Gather) -> Result
    mutating func visit(_ enqueue: Enqueue) -> Result
    mutating func visit(_ dial: Dial) -> Result
    mutating func visit(_ press: Press) -> Result
    mutating func visit(_ transfer: Transfer) -> Result
    mutating func visit(_ enter: Enter) -> Result
    mutating func visit(_ set: SetVariable) -> Result
    mutating func visit(_ start: Start) -> Result
    mutating func visit(_ echo: Echo) -> Result
    mutating func visit(_ condition: Condition) -> Result
}

extension Verb {
    /// Hands the verb, as its own type, to `visitor`. (Inlinable: the
    /// engine's step loop calls it for every verb of every call; a generic
    /// call across modules would run each visit unspecialised.)
    @inlinable @inline(__always)
    public func accept<V: VerbVisitor>(_ visitor: inout V) -> V.Result {
        switch self {
        case .say(let v): visitor.visit(v)
        case .play(let v): visitor.visit(v)
        case .pause(let v): visitor.visit(v)
        case .hangup(let v): visitor.visit(v)
        case .reject(let v): visitor.visit(v)
        case .redirect(let v): visitor.visit(v)
        case .gather(let v): visitor.visit(v)
        case .enqueue(let v): visitor.visit(v)
        case .dial(let v): visitor.visit(v)
        case .press(let v): visitor.visit(v)
        case .transfer(let v): visitor.visit(v)
        case .enter(let v): visitor.visit(v)
        case .set(let v): visitor.visit(v)
        case .start(let v): visitor.visit(v)
        case .echo(let v): visitor.visit(v)
        case .condition(let v): visitor.visit(v)
        }
    }

    /// The verb as its definition: position, nested verbs, outcomes.
    public var definition: any VerbDefinition {
        switch self {
        case .say(let v): v
        case .play(let v): v
        case .pause(let v): v
        case .hangup(let v): v
        case .reject(let v): v
        case .redirect(let v): v
        case .gather(let v): v
        case .enqueue(let v): v
        case .dial(let v): v
        case .press(let v): v
        case .transfer(let v): v
        case .enter(let v): v
        case .set(let v): v
        case .start(let v): v
        case .echo(let v): v
        case .condition(let v): v
        }
    }

    /// Where the verb's start tag is.
    public var position: SourcePosition { definition.position }
    /// The element the verb was written as (`Say`, `Set`, ...).
    public var elementName: String { type(of: definition).elementName }
    /// The verbs nested in it.
    public var nestedVerbs: [Verb] { definition.nestedVerbs }
    /// The ways a call can go on from it (see `VerbDefinition.outcomes`).
    public var outcomes: [VerbOutcome] { definition.outcomes }
}

extension Sequence where Element == Verb {
    /// Every verb of the list and, depth first, the verbs nested in each,
    /// in document order.
    public func forEachVerb(_ body: (Verb) throws -> Void) rethrows {
        for verb in self {
            try body(verb)
            try verb.nestedVerbs.forEachVerb(body)
        }
    }
}
