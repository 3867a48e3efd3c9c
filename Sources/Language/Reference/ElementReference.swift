/// What the reference says of one element beyond its syntax: declared by
/// each verb and noun in its own file, next to the code that reads it.
/// Attributes and children are not listed here: the generated reference
/// reads them off the checker (`LanguageSyntax`).
public struct ElementReference: Sendable {
    /// One line: what the element is for.
    public let summary: String
    /// What `connexml run` does with it (the engine's file under
    /// Engine/Verbs is the truth; docs/decisions.md says why).
    public let run: String
    /// What `check` says of it beyond the rules every attribute and child
    /// obeys (those the reference derives): one sentence each, with the code.
    public let checks: [String]

    public init(summary: String, run: String, checks: [String] = []) {
        self.summary = summary
        self.run = run
        self.checks = checks
    }
}

/// An element that declares its reference text.
protocol ElementDocumentation {
    static var elementName: String { get }
    static var reference: ElementReference { get }
}
