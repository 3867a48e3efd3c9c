import Language

/// One box of the picture: a verb, a terminal, the call's start, or a
/// document that is not drawn (remote, missing, invalid).
public struct Node: Sendable {
    public enum Kind: Sendable, Hashable {
        /// Where the call enters the script.
        case start
        /// A verb; its element name, as the picture writes it. What the
        /// picture decides by the verb comes from `Node.definition`.
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
    /// The verb it draws, as declared (`Hangup.self`): whether it ends the
    /// call, whether it decides. Nil for a node that is not a verb.
    public let definition: (any VerbDefinition.Type)?
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

    /// The call is over where it stands (Hangup, Reject): as the verb declares.
    public var isTerminalVerb: Bool { definition?.endsTheCall ?? false }
}

// By hand: a metatype is neither Equatable nor Hashable, so the verb is
// compared by identity.
extension Node: Hashable {
    public static func == (a: Node, b: Node) -> Bool {
        a.id == b.id && a.kind == b.kind && a.definition.map(ObjectIdentifier.init) == b.definition.map(ObjectIdentifier.init)
            && a.title == b.title && a.summary == b.summary && a.policy == b.policy && a.document == b.document
            && a.line == b.line && a.mark == b.mark
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(kind)
    }
}
