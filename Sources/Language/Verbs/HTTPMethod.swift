/// The method of a hand-over or callback request.
public enum HTTPMethod: String, Sendable, CaseIterable {
    case GET, POST
}
