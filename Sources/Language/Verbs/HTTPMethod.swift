/// The method of a hand-over or callback request.
public enum HTTPMethod: String, Sendable, CaseIterable {
    // swift-format-ignore: AlwaysUseLowerCamelCase
    // (spelt as HTTP and the `method` attribute spell them)
    case GET
    // swift-format-ignore: AlwaysUseLowerCamelCase
    case POST
}
