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

    /// The verb of an element name, as `byElementName` has it, found
    /// without hashing (the checker asks for every element of every script).
    static func syntax(named name: String) -> (any VerbSyntax.Type)? { byName[name] }

    private static let byName = NameTable<any VerbSyntax.Type>(syntaxes.map { ($0.elementName, $0) })
}
