import Language

/// What a hand-over reaches, as the command found it on disk. The graph
/// never reads files itself: `connexml graph` resolves a reference
/// against the document that holds it and checks the file the way `check`
/// does, and tests pass documents from memory.
public enum LoadedDocument: Sendable {
    /// A valid document. `key` identifies the file however it is named
    /// (an absolute path), so a loop back to it is drawn once.
    case script(key: String, title: String, Script)
    /// Missing, unreadable or invalid: drawn as a node that says why.
    case unavailable(key: String, title: String, reason: String)
}

/// Finds the local document `reference` names, from the document `file`
/// (`Script.file`) that hands over to it.
public typealias DocumentLoader = (_ reference: String, _ file: String) -> LoadedDocument
