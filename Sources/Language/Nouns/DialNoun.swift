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

    /// The noun named `name`: the seven names compared in turn cost less
    /// than hashing the name into `syntaxes` (every noun of every Dial);
    /// DialNounTests holds it to `syntaxes`.
    static func syntax(named name: String) -> (any DialNounSyntax.Type)? {
        switch name {
        case "Number": Number.self
        case "Client": Client.self
        case "Queue": QueueNoun.self
        case "Conference": Conference.self
        case "Voicemail": Voicemail.self
        case "Barge": Barge.self
        case "LLM-Agent": LLMAgent.self
        default: nil
        }
    }
}
