/// One attribute as the checker reads it: recorded by `AttributeReader`
/// when a `SyntaxRecording` asks, so the reference and the XSD list exactly
/// the attributes `check` knows.
public struct AttributeSyntax: Sendable {
    public let name: String
    /// What it does, in a few words (the `about:` of the reader's call).
    public let description: String
    /// What a valid value looks like, as `check`'s messages say it.
    public let expected: String
    public let schema: ValueSchema
    /// The value when the attribute is left out; nil when there is none.
    public let defaultValue: String?
    public let isRequired: Bool
    /// Whether a `{{ name }}` template may stand for the value (expanded and
    /// checked when the call runs).
    public let acceptsTemplates: Bool
    /// Other names read as this one, with a warning (`command`).
    public internal(set) var aliases: [String] = []
}

/// An attribute of another dialect that `check` recognises and ConneXML
/// ignores (a warning, `unsupported-attribute`).
public struct IgnoredAttribute: Sendable, Hashable {
    public let name: String
    public let dialect: String
}

/// The text an element takes.
public struct TextSyntax: Sendable {
    /// What the text is ("the words to speak"); nil when none is described.
    public let what: String?
    /// Whether empty text is an error (`missing-text`).
    public let isRequired: Bool
    /// What a valid text looks like, when it is a typed value.
    public internal(set) var expected: String?
    public internal(set) var schema: ValueSchema = .text
}
