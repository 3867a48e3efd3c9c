extension TraceEvent {
    /// Why an `error` event happened, as a value tools can switch over (the
    /// message says it in words).
    public enum ErrorCode: String, Sendable, CaseIterable {
        /// A templated attribute expanded to something invalid: the verb
        /// was skipped.
        case invalidAttribute = "invalid-attribute"
        /// `<Set header>` with a name or value that could split the INVITE.
        case headerRefused = "header-refused"
        /// More hand-overs than `Engine.maximumHandOvers` in one call.
        case tooManyHandOvers = "too-many-hand-overs"
        /// The document a hand-over names could not be read, fetched or
        /// checked.
        case documentUnavailable = "document-unavailable"
    }
}
