/// The valid values of a `ValueKind` as an XML Schema can state them: the
/// generated `docs/connexml.xsd` types each attribute with it, so an XML
/// editor flags what `check` would. Declared beside the parser it mirrors.
public enum ValueSchema: Sendable, Hashable {
    /// Any text: the parser's rule has no faithful pattern (URLs, audio
    /// files); `check` is the judge.
    case text
    /// Whole numbers (digits only) within the range.
    case integer(ClosedRange<Int>)
    /// Exactly one of these words.
    case choice([String])
    /// An XML Schema regular expression (anchored at both ends, as XML
    /// Schema patterns are), tested after white space is collapsed.
    case pattern(String)
}
