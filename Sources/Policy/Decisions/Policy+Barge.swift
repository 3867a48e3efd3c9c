import Diagnostics

/// Legs of a joined call: A placed it, B is the other party.
public struct LegSet: OptionSet, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let a = LegSet(rawValue: 1)
    public static let b = LegSet(rawValue: 2)
    public static let ab: LegSet = [.a, .b]
    public static let none: LegSet = []

    /// `a`, `b`, `ab`, or empty.
    public var description: String { (contains(.a) ? "a" : "") + (contains(.b) ? "b" : "") }
    public var legs: [String] { [contains(.a) ? "a" : nil, contains(.b) ? "b" : nil].compactMap { $0 } }
}

/// What a `<Barge>` asks for, with whether each capability was written in
/// the script (explicit) or is the documented default.
public struct BargeRequest: Sendable, Hashable {
    public var group: String?
    /// The legs that would hear the barger.
    public var whisper: LegSet
    public var whisperIsExplicit: Bool
    /// The legs the barger hears.
    public var bridge: LegSet
    public var commands: Bool
    public var commandsIsExplicit: Bool
    /// A call named by the scenario or REPL; otherwise the longest-running
    /// eligible call is joined.
    public var targetCall: String?

    public init(
        group: String?, whisper: LegSet = .ab, whisperIsExplicit: Bool = false, bridge: LegSet = .ab,
        commands: Bool = true, commandsIsExplicit: Bool = false, targetCall: String? = nil
    ) {
        self.group = group
        self.whisper = whisper
        self.whisperIsExplicit = whisperIsExplicit
        self.bridge = bridge
        self.commands = commands
        self.commandsIsExplicit = commandsIsExplicit
        self.targetCall = targetCall
    }
}

/// A call the barger might join.
public struct CallInProgress: Sendable, Hashable {
    public let id: String
    /// SIP usernames or outside numbers.
    public let parties: [String]
    /// When it started (seconds on any common clock): the earliest is the
    /// longest-running.
    public let started: Double

    public init(id: String, parties: [String], started: Double) {
        self.id = id
        self.parties = parties
        self.started = started
    }
}

/// What an allowed barge grants: the call and the audio paths.
public struct BargeGrant: Sendable, Hashable {
    /// Nil when deciding from the directory alone (no calls known).
    public let call: String?
    public let hears: LegSet
    public let heardBy: LegSet
    public let commands: Bool

    public init(call: String?, hears: LegSet, heardBy: LegSet, commands: Bool) {
        self.call = call
        self.hears = hears
        self.heardBy = heardBy
        self.commands = commands
    }
}

public struct BargeDecision: Sendable, Hashable {
    public let decision: Decision
    /// Present when allowed.
    public let grant: BargeGrant?
}

extension Policy {
    /// May the caller barge (policy.md, "Barge groups"), in order: the
    /// `barge` flag; a named group's name and membership; a target call of
    /// the caller's customer (skipped when `calls` is nil: deciding from the
    /// directory alone); then whisper and commands per their flags.
    public func mayBarge(_ request: BargeRequest, caller: Caller, calls: [CallInProgress]?) -> BargeDecision {
        let action = Action.barge(group: request.group)
        let profile = profile(of: caller)
        var evidence = evidence(for: caller)
        evidence.group = request.group
        func deny(_ reason: DenialReason, _ notes: [String] = []) -> BargeDecision {
            BargeDecision(decision: .denied(action, reason, evidence, notes: notes), grant: nil)
        }

        guard profile.has(.barge) else {
            evidence.flag = .barge
            return deny(.missingFlag)
        }
        if let group = request.group {
            guard PlainName.isValid(group) else {
                let suggestion = PlainName.suggestion(for: group).map { ["did you mean '\($0)'?"] } ?? []
                return deny(.invalidGroupName, ["group names are lowercase letters, digits and _ only"] + suggestion)
            }
            guard profile.bargeGroup == group else {
                let actual =
                    profile.bargeGroup.map { "profile \(profile.name) belongs to barge group \($0)" }
                    ?? "profile \(profile.name) belongs to no barge group"
                return deny(.notInBargeGroup, [actual])
            }
        }

        var joined: String?
        if let calls {
            switch target(for: request, caller: caller, among: calls) {
            case .success(let call):
                joined = call.id
                evidence.call = call.id
            case .failure(let failure):
                evidence.call = failure.call
                evidence.otherCustomer = failure.otherCustomer
                return deny(failure.reason, [failure.note])
            }
        }

        var notes: [String] = []
        var heardBy = request.whisper
        if !heardBy.isEmpty, !profile.has(.whisper) {
            if request.whisperIsExplicit {
                evidence.flag = .whisper
                return deny(.missingFlag, ["whisper=\"\(request.whisper)\" asks to be heard"])
            }
            heardBy = .none
            notes.append("listen only: profile \(profile.name) lacks the whisper flag")
        }
        var commands = request.commands
        if commands, !profile.has(.bargeCommands) {
            if request.commandsIsExplicit {
                evidence.flag = .bargeCommands
                return deny(.missingFlag, ["commands=\"true\" asks for DTMF commands"])
            }
            commands = false
            notes.append("no commands: profile \(profile.name) lacks the barge_commands flag")
        }
        let grant = BargeGrant(call: joined, hears: request.bridge, heardBy: heardBy, commands: commands)
        return BargeDecision(decision: .allowed(action, evidence, notes: notes), grant: grant)
    }

    private struct NoTarget: Error, Equatable {
        let reason: DenialReason
        let note: String
        var call: String?
        var otherCustomer: String?
    }

    /// The call to join: the named one if it qualifies, else the
    /// longest-running call that does. A call qualifies when it is the
    /// caller's customer's (every SIP-user party is theirs), not the
    /// caller's own, and in the group asked for.
    private func target(for request: BargeRequest, caller: Caller, among calls: [CallInProgress]) -> Result<
        CallInProgress, NoTarget
    > {
        func inGroup(_ call: CallInProgress) -> Bool {
            guard let group = request.group else { return true }
            return call.parties.contains { party in
                directory.user(named: party).flatMap { directory.profile(named: $0.profile)?.bargeGroup } == group
            }
        }
        func isOwn(_ call: CallInProgress) -> Bool { call.parties.contains(caller.identity) }
        let groupText = request.group.map { "of group \($0)" } ?? "of customer \(caller.customer ?? "-")"
        /// Why `call` is not the caller's customer's, or nil when it is.
        func foreign(_ call: CallInProgress) -> NoTarget? {
            switch ownership(of: call) {
            case .customer(let owner) where owner == caller.customer:
                return nil
            case .customer(let owner):
                return NoTarget(
                    reason: .crossCustomer, note: "call \(call.id) belongs to customer \(owner)",
                    call: call.id, otherCustomer: owner)
            case .mixed(let owners):
                let other = owners.first { $0 != caller.customer } ?? owners[0]
                return NoTarget(
                    reason: .crossCustomer,
                    note: "call \(call.id) has users of customers \(owners.joined(separator: " and ")): it belongs to neither",
                    call: call.id, otherCustomer: other)
            case .nobody:
                return NoTarget(
                    reason: .noTargetCall, note: "call \(call.id) has no SIP-user party: it belongs to no customer",
                    call: call.id)
            }
        }

        if let id = request.targetCall {
            guard let call = calls.first(where: { $0.id == id }) else {
                return .failure(NoTarget(reason: .noTargetCall, note: "no call \(id) is in progress", call: id))
            }
            if let foreign = foreign(call) { return .failure(foreign) }
            guard !isOwn(call) else {
                return .failure(NoTarget(reason: .noTargetCall, note: "call \(id) is the caller's own", call: id))
            }
            guard inGroup(call) else {
                return .failure(NoTarget(reason: .noTargetCall, note: "call \(id) is not a call \(groupText)", call: id))
            }
            return .success(call)
        }
        let byAge: (CallInProgress, CallInProgress) -> Bool = { ($0.started, $0.id) < ($1.started, $1.id) }
        let candidates = calls.filter { !isOwn($0) && inGroup($0) }
        if let longest = candidates.filter({ foreign($0) == nil }).min(by: byAge) { return .success(longest) }
        // Say why when the only calls of the group that involve the
        // caller's customer are shared with another customer.
        let shared = candidates.filter { call in
            if case .mixed(let owners) = ownership(of: call), let mine = caller.customer { return owners.contains(mine) }
            return false
        }
        if let call = shared.min(by: byAge), let denial = foreign(call) { return .failure(denial) }
        return .failure(NoTarget(reason: .noTargetCall, note: "no call \(groupText) is in progress"))
    }

    /// Whose call this is (policy.md, "Barge groups", step 3): a customer's
    /// when every SIP-user party is that customer's user; outside numbers
    /// belong to nobody.
    public func ownership(of call: CallInProgress) -> CallOwnership {
        var owners: [String] = []
        for party in call.parties {
            guard let customer = directory.user(named: party)?.customer, !owners.contains(customer) else { continue }
            owners.append(customer)
        }
        switch owners.count {
        case 0: return .nobody
        case 1: return .customer(owners[0])
        default: return .mixed(owners.sorted())
        }
    }
}

/// Whose call a call in progress is, for barging.
public enum CallOwnership: Sendable, Hashable {
    /// Every SIP-user party is this customer's.
    case customer(String)
    /// Users of several customers: nobody may barge it.
    case mixed([String])
    /// Only outside numbers.
    case nobody
}
