import Diagnostics

/// A checked ConneXML document: what runs, in order. Built once by
/// `ScriptChecker`, then shared by every call that runs it.
public struct Script: Sendable {
    /// The file as the user named it.
    public let file: String
    /// The `Set` elements of every `Before` block, in document order: they
    /// run before anything else, wherever the block stands.
    public let before: [SetVariable]
    /// The verbs of `<Response>`, in document order.
    public let verbs: [Verb]

    public init(file: String, before: [SetVariable], verbs: [Verb]) {
        self.file = file
        self.before = before
        self.verbs = verbs
    }
}

/// One step of a script. Each case's syntax, outcomes and nested verbs are
/// declared in its own file under Verbs/ (see `VerbDefinition`), its run
/// semantics in one file of the engine; `accept` (VerbVisitor.swift) is the
/// one place that tells the cases apart.
public indirect enum Verb: Sendable {
    case say(Say)
    case play(Play)
    case pause(Pause)
    case hangup(Hangup)
    case reject(Reject)
    case redirect(Redirect)
    case gather(Gather)
    case enqueue(Enqueue)
    case dial(Dial)
    case press(Press)
    case transfer(Transfer)
    case enter(Enter)
    case set(SetVariable)
    case start(Start)
    case echo(Echo)
    case condition(Condition)
}
