import XMLParsing

/// The checking side of one noun of `<Dial>`, one conforming type per file.
protocol DialNounSyntax: Sendable {
    static var elementName: String { get }
    static func check(_ element: Element, _ checker: inout Checker) -> Dial.Destination?
}

enum DialNoun {
    /// Every noun of `<Dial>`, by element name.
    static let syntaxes: [String: any DialNounSyntax.Type] = Dictionary(
        uniqueKeysWithValues: ([
            Number.self, Client.self, QueueNoun.self, Conference.self, Voicemail.self, Barge.self, LLMAgent.self,
        ] as [any DialNounSyntax.Type]).map { ($0.elementName, $0) })
}
