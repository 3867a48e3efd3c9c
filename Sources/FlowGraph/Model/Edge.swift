/// What can happen next: from a verb to the next thing the call does,
/// labelled with the way it goes (`busy`, `true`, `digits`).
public struct Edge: Sendable, Hashable {
    public enum Style: Sendable, Hashable {
        /// On to the next verb, or into nested verbs.
        case flow
        /// The call handed over to another document (Redirect, Gather action).
        case handOver
        /// A `Press` binding: it stays in force; the script goes on.
        case binding
    }

    public enum Mark: Sendable, Hashable {
        case none
        /// The traced call took it.
        case taken
        /// No sample took it (`--coverage`).
        case neverTaken
    }

    public let from: String
    public let to: String
    /// The outcome or condition, as the verb declares it; nil for plain sequence.
    public let label: String?
    /// The verb outcome it stands for (`VerbOutcome.name`), for overlays.
    public let outcome: String?
    public let style: Style
    public internal(set) var mark: Mark = .none
}
