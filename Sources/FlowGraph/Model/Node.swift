import Language

/// One box of the picture: a verb, a terminal, the call's start, or a
/// document that is not drawn (remote, missing, invalid).
public struct Node: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Where the call enters the script.
        case start
        /// A verb; its element name.
        case verb(String)
        /// Where the call ends or leaves the script (Hangup, Reject, end of
        /// script, the caller hung up, the call was transferred).
        case terminal
        /// The end of a `Press` binding's verbs: the call goes back to the
        /// verb the key interrupted.
        case resume
        /// A remote URL: a leaf, never fetched.
        case remote
        /// A local document that cannot be drawn: missing, unreadable or
        /// invalid. Its label says which.
        case unavailable
    }

    /// An identifier valid in DOT and Mermaid: letters, digits and `_`.
    public let id: String
    public let kind: Kind
    /// The first line: the verb and its line (`L5 Say`), or what the node is.
    public let title: String
    /// The short description: the text spoken, the number dialled, the test.
    public let summary: String?
    /// What policy asks of the caller and, with a directory, who passes.
    public internal(set) var policy: [String]
    /// The document (cluster) it belongs to; nil outside every cluster.
    public let document: Int?
    /// The source line of its verb.
    public let line: Int?
    public internal(set) var mark: Mark = .none

    /// An overlay's verdict on the node.
    public enum Mark: Sendable, Hashable {
        case none
        /// The traced call went through it.
        case taken
        /// No sample ever ran it.
        case neverRan
    }

    /// Hangup and Reject end the call where they stand.
    public var isTerminalVerb: Bool {
        if case .verb(let name) = kind { return name == Hangup.elementName || name == Reject.elementName }
        return false
    }
}
