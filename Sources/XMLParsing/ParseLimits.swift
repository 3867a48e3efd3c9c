/// What the parser refuses before or while reading, so that a hostile
/// document costs little time and bounded memory. Documented in docs/limits.md.
public struct ParseLimits: Sendable, Hashable {
    /// Documents larger than this are refused unread.
    public var maximumBytes: Int
    /// Elements nested deeper than this are refused during the parse.
    public var maximumDepth: Int

    public init(maximumBytes: Int, maximumDepth: Int) {
        self.maximumBytes = maximumBytes
        self.maximumDepth = maximumDepth
    }

    /// Files on disk: 16 MiB, 64 levels.
    public static let localFile = ParseLimits(maximumBytes: 16 << 20, maximumDepth: 64)
    /// Documents fetched over HTTP: 64 KiB (what TwiML platforms accept), 64 levels.
    public static let fetched = ParseLimits(maximumBytes: 64 << 10, maximumDepth: 64)
}
