import XMLParsing

/// The checking side of one noun of `<Dial>`, one conforming type per file.
protocol DialNounSyntax: ElementDocumentation, Sendable {
    static func check(_ element: Element, _ checker: inout Checker) -> Dial.Destination?
}

enum DialNoun {
    /// Every noun of `<Dial>`, in the order of the reference.
    static let all: [any DialNounSyntax.Type] = [
        Number.self, Client.self, QueueNoun.self, Conference.self, Voicemail.self, Barge.self, LLMAgent.self,
    ]
    /// Every noun of `<Dial>`, by element name.
    static let syntaxes: [String: any DialNounSyntax.Type] = Dictionary(uniqueKeysWithValues: all.map { ($0.elementName, $0) })
    static let names = all.map { $0.elementName }

    /// The noun named `name`, as `syntaxes` has it, found without hashing
    /// (every noun of every Dial).
    static func syntax(named name: String) -> (any DialNounSyntax.Type)? { byName[name] }

    private static let byName = NameTable<any DialNounSyntax.Type>(all.map { ($0.elementName, $0) })
}
