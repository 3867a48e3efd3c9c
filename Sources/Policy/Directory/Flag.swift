/// A feature a SIP profile may switch on. Without the flag the feature is
/// denied (policy.md, "Flags").
public enum Flag: String, Sendable, Hashable, CaseIterable, Codable {
    case barge
    case whisper
    case bargeCommands = "barge_commands"
    case conference
    case queue
    case queuePickup = "queue_pickup"
    case voicemail
    case voicemailAny = "voicemail_any"
    case transfer
    case callerId = "caller_id"
    case sipHeaders = "sip_headers"
    case stream
    case llmAgent = "llm_agent"

    /// What the flag gates, for `explain` and the README.
    public var gates: String {
        switch self {
        case .barge: "Dial/Barge: listening in on a call in progress"
        case .whisper: "talking into a barged call (whisper legs)"
        case .bargeCommands: "DTMF commands while barging (commands=\"true\")"
        case .conference: "Dial/Conference"
        case .queue: "Enqueue, Dial/Queue"
        case .queuePickup: "Dial/Queue action=\"pickup\" (answering queued callers)"
        case .voicemail: "Dial/Voicemail for one's own mailbox"
        case .voicemailAny: "Dial/Voicemail user=\"...\" naming someone else's mailbox"
        case .transfer: "Transfer, blind and attended"
        case .callerId: "Dial callerId / fromDisplayName (presenting another identity)"
        case .sipHeaders: "Set header=\"true\""
        case .stream: "Start/Stream (sending call audio to an outside server)"
        case .llmAgent: "Dial/LLM-Agent"
        }
    }
}
