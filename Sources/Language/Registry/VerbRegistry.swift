/// The verbs of ConneXML: the one list. The checker reads elements through
/// it, completion and the reference list it, and `Verb.definition` leads
/// from a checked verb back to its entry.
public enum VerbRegistry {
    /// Every verb, in the order the reference presents them.
    static let syntaxes: [any VerbSyntax.Type] = [
        Say.self, Play.self, Pause.self, Gather.self, Dial.self, Transfer.self, Enqueue.self,
        Redirect.self, Hangup.self, Reject.self, Condition.self, Press.self, Enter.self,
        SetVariable.self, Start.self, Echo.self,
    ]

    /// Every verb's definition, in the order of the reference.
    public static let all: [any VerbDefinition.Type] = syntaxes.map { $0 }

    /// The verb of an element name.
    static let byElementName: [String: any VerbSyntax.Type] = Dictionary(
        uniqueKeysWithValues: syntaxes.map { ($0.elementName, $0) })

    /// The verb of an element name, as `byElementName` has it: the name's
    /// length, then a name or two compared, cost less than hashing it (the
    /// checker asks for every element of every script). VerbRegistryTests
    /// holds the two to the same answers.
    static func syntax(named name: String) -> (any VerbSyntax.Type)? {
        switch name.utf8.count {
        case 3: name == "Say" ? Say.self : name == "Set" ? SetVariable.self : nil
        case 4: name == "Dial" ? Dial.self : name == "Play" ? Play.self : name == "Echo" ? Echo.self : nil
        case 5:
            name == "Press"
                ? Press.self
                : name == "Pause" ? Pause.self : name == "Enter" ? Enter.self : name == "Start" ? Start.self : nil
        case 6: name == "Gather" ? Gather.self : name == "Hangup" ? Hangup.self : name == "Reject" ? Reject.self : nil
        case 7: name == "Enqueue" ? Enqueue.self : nil
        case 8: name == "Transfer" ? Transfer.self : name == "Redirect" ? Redirect.self : nil
        case 9: name == "Condition" ? Condition.self : nil
        default: nil
        }
    }
}
