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

/// One step of a script. Each case's meaning lives in its own file under
/// Verbs/ (checking) and, later, in one place of the engine (running).
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

    /// Where the verb's start tag is.
    public var position: SourcePosition {
        switch self {
        case .say(let v): v.position
        case .play(let v): v.position
        case .pause(let v): v.position
        case .hangup(let v): v.position
        case .reject(let v): v.position
        case .redirect(let v): v.position
        case .gather(let v): v.position
        case .enqueue(let v): v.position
        case .dial(let v): v.position
        case .press(let v): v.position
        case .transfer(let v): v.position
        case .enter(let v): v.position
        case .set(let v): v.position
        case .start(let v): v.position
        case .echo(let v): v.position
        case .condition(let v): v.position
        }
    }

    /// The element the verb was written as (`Say`, `Set`, ...).
    public var elementName: String {
        switch self {
        case .say: Say.elementName
        case .play: Play.elementName
        case .pause: Pause.elementName
        case .hangup: Hangup.elementName
        case .reject: Reject.elementName
        case .redirect: Redirect.elementName
        case .gather: Gather.elementName
        case .enqueue: Enqueue.elementName
        case .dial: Dial.elementName
        case .press: Press.elementName
        case .transfer: Transfer.elementName
        case .enter: Enter.elementName
        case .set: SetVariable.elementName
        case .start: Start.elementName
        case .echo: Echo.elementName
        case .condition: Condition.elementName
        }
    }

    /// Whether nothing after this verb, in the same list, can run. A blind
    /// transfer hands the call away; an attended one comes back when the
    /// recipient does not answer (and a templated `attended` may be either).
    var endsTheList: Bool {
        switch self {
        case .hangup, .reject, .redirect: true
        case .transfer(let transfer): transfer.attended.fixedValue == false
        default: false
        }
    }
}
