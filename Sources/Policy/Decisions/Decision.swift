/// The answer to "may this caller do this?", with the evidence behind it.
/// A value: the engine puts it in the trace, `explain` prints it.
public struct Decision: Sendable, Hashable {
    public let action: Action
    /// Nil when allowed.
    public let denial: DenialReason?
    public let evidence: Evidence
    /// Things the caller should know even when allowed ("whisper dropped:
    /// the profile lacks the whisper flag, so the barge is listen-only").
    public let notes: [String]

    public var isAllowed: Bool { denial == nil }

    /// "allowed", "allowed by rule 3 (_X.)", "denied by rule 1 (_00.)",
    /// "denied: no_matching_rule": the verdict in a few words.
    public var verdict: String {
        let word = isAllowed ? "allowed" : "denied"
        if let rule = evidence.rule { return "\(word) by rule \(rule.index) (\(rule.pattern))" }
        return denial.map { "\(word): \($0.rawValue)" } ?? word
    }

    static func allowed(_ action: Action, _ evidence: Evidence, notes: [String] = []) -> Decision {
        Decision(action: action, denial: nil, evidence: evidence, notes: notes)
    }

    static func denied(_ action: Action, _ reason: DenialReason, _ evidence: Evidence, notes: [String] = []) -> Decision {
        Decision(action: action, denial: reason, evidence: evidence, notes: notes)
    }
}

/// What was attempted.
public enum Action: Sendable, Hashable {
    case feature(Flag)
    case dial(String)
    case transfer(String)
    case client(String)
    case barge(group: String?)
    case voicemail(user: String?)
    case admit

    /// The machine name (`dial`, `barge`, ...), as in the trace's `action`.
    public var name: String {
        switch self {
        case .feature: "feature"
        case .dial: "dial"
        case .transfer: "transfer"
        case .client: "client"
        case .barge: "barge"
        case .voicemail: "voicemail"
        case .admit: "call"
        }
    }

    /// The destination, group or flag, when there is one.
    public var target: String? {
        switch self {
        case .feature(let flag): flag.rawValue
        case .dial(let n), .transfer(let n): n
        case .client(let u): u
        case .barge(let g): g
        case .voicemail(let u): u
        case .admit: nil
        }
    }
}

/// The stable reason codes of policy.md.
public enum DenialReason: String, Sendable, Hashable, CaseIterable, Codable {
    case missingFlag = "missing_flag"
    case dialRule = "dial_rule"
    case noMatchingRule = "no_matching_rule"
    case notInBargeGroup = "not_in_barge_group"
    case invalidGroupName = "invalid_group_name"
    case noTargetCall = "no_target_call"
    case crossCustomer = "cross_customer"
    case profileCapacity = "profile_capacity"
    case unknownUser = "unknown_user"
    case invalidDestination = "invalid_destination"
    case noProfile = "no_profile"
}

/// Why: the caller's effective profile and whichever of the rest applies.
public struct Evidence: Sendable, Hashable {
    public struct Rule: Sendable, Hashable {
        /// 1-based position in the profile's `dial` list.
        public let index: Int
        public let pattern: String
        public let effect: DialRule.Effect

        public init(index: Int, pattern: String, effect: DialRule.Effect) {
            self.index = index
            self.pattern = pattern
            self.effect = effect
        }
    }

    public var profile: String?
    public var flag: Flag?
    public var rule: Rule?
    public var emergency: Bool = false
    public var group: String?
    public var customer: String?
    /// The customer of the user or call on the other side (cross_customer).
    public var otherCustomer: String?
    /// The call joined, or that would have been joined.
    public var call: String?
    public var capacity: Int?
    public var activeUsers: Int?

    public init(profile: String? = nil) { self.profile = profile }

    /// Built in one go: assigning fields one by one after `init(profile:)`
    /// copied the whole value at each step (every call decides twice or more).
    init(
        profile: String?, customer: String?, rule: Rule? = nil, emergency: Bool = false, otherCustomer: String? = nil,
        capacity: Int? = nil, activeUsers: Int? = nil
    ) {
        self.profile = profile
        self.customer = customer
        self.rule = rule
        self.emergency = emergency
        self.otherCustomer = otherCustomer
        self.capacity = capacity
        self.activeUsers = activeUsers
    }
}

/// A denial can be thrown or carried in a `Result` where an answer is
/// needed before anything else can be decided (resolving the caller).
extension Decision: Error {}
