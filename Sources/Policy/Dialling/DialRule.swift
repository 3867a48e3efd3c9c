/// One line of a profile's `dial` list: `allow: PATTERN` or `deny: PATTERN`.
public struct DialRule: Sendable {
    public enum Effect: String, Sendable, Codable {
        case allow, deny
    }

    public let effect: Effect
    public let pattern: DialPattern
}
