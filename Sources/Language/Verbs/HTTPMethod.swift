/// The method of a hand-over or callback request.
public enum HTTPMethod: String, Sendable, CaseIterable {
    // swift-format-ignore: AlwaysUseLowerCamelCase
    // (spelt as HTTP and the `method` attribute spell them)
    case GET
    // swift-format-ignore: AlwaysUseLowerCamelCase
    case POST
}

extension HTTPMethod {
    /// `.choice` made once: it allocates its rules each time it is asked
    /// for, and the checker reads this attribute on every element that has it.
    static let choiceKind = ValueKind<HTTPMethod>.choice
}
