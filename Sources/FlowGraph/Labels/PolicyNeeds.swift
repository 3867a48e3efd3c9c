import Diagnostics
import Language
import Policy

/// What policy asks of the caller before a verb may act (policy.md), and
/// the decisions that tell, for one profile, whether it passes. The
/// decisions are Policy's own functions, as the engine calls them.
struct PolicyNeeds {
    /// `flag barge`, `barge group sales`, `dial rule for 0123`.
    var needs: [String] = []
    /// What the directory alone cannot decide (a templated number, the
    /// customer of a SIP user), said beside the profiles that pass.
    var undecided: [String] = []
    /// Every decision that must allow the verb, for one caller.
    var decisions: [@Sendable (Policy, Caller) -> Decision] = []

    var isEmpty: Bool { needs.isEmpty && undecided.isEmpty }

    mutating func flag(_ flag: Flag) {
        needs.append("flag \(flag.rawValue)")
        decisions.append { policy, caller in policy.mayUse(flag, caller: caller) }
    }

    /// A number the dial rules judge; a template is judged when the call runs.
    mutating func dialRule(for number: Setting<String>, transfer: Bool = false) {
        guard let fixed = number.fixedValue else {
            needs.append("dial rule for \(ShortText.of(number.written))")
            undecided.append("the number comes from a template")
            return
        }
        needs.append("dial rule for \(ShortText.of(fixed))")
        decisions.append { policy, caller in
            transfer ? policy.mayTransfer(to: fixed, caller: caller) : policy.mayDial(fixed, caller: caller)
        }
    }

    /// The lines drawn on the node: the needs, then (with a directory) the
    /// profiles that pass.
    func lines(directory: Directory?) -> [String] {
        guard !isEmpty else { return [] }
        var lines = needs.isEmpty ? [] : ["needs: " + needs.joined(separator: ", ")]
        if let directory, !decisions.isEmpty {
            let policy = Policy(directory: directory)
            let passing = directory.profiles.filter { profile in
                guard
                    case .success(let caller) = Caller.resolve(
                        "profile \(profile.name)", in: directory,
                        applicationProfile: profile.name)
                else { return false }
                return decisions.allSatisfy { $0(policy, caller).isAllowed }
            }.map(\.name)
            lines.append("passes: " + (passing.isEmpty ? "no profile" : passing.joined(separator: ", ")))
        }
        // Beside the profiles that pass, what they do not show.
        if directory != nil, !undecided.isEmpty { lines.append("decided in the call: " + undecided.joined(separator: "; ")) }
        return lines
    }

    // MARK: The verbs policy gates

    static func of(_ dial: Dial) -> PolicyNeeds {
        var needs = PolicyNeeds()
        if dial.callerId != nil || dial.fromDisplayName != nil { needs.flag(.callerId) }
        switch dial.destination {
        case .number(let number):
            needs.dialRule(for: number.number)
        case .client(let client):
            needs.needs.append("SIP user \(ShortText.of(client.username.description)) of the caller's customer")
            needs.undecided.append("the caller's customer")
        case .queue(let queue):
            needs.flag(queue.action?.fixedValue == .pickup ? .queuePickup : .queue)
        case .conference:
            needs.flag(.conference)
        case .voicemail(let voicemail):
            if let user = voicemail.user {
                needs.flag(.voicemailAny)
                needs.needs.append("mailbox of \(ShortText.of(user.description)) of the caller's customer")
                needs.undecided.append("the caller's customer")
            } else {
                needs.flag(.voicemail)
            }
        case .barge(let barge):
            needs.barge(barge)
        case .llmAgent:
            needs.flag(.llmAgent)
        }
        return needs
    }

    /// The barge checks of policy.md that the directory alone decides:
    /// the flag, the group, and whisper and commands when the script asks.
    private mutating func barge(_ barge: Barge) {
        needs.append("flag barge")
        let group = barge.group?.literal
        if let group {
            needs.append("barge group \(group)")
        } else if let template = barge.group {
            needs.append("barge group \(ShortText.of(template.description))")
            undecided.append("the group comes from a template")
        }
        if barge.whisper.isExplicit { needs.append("flag whisper") }
        if barge.commands.isExplicit, barge.commands.fixedValue != false { needs.append("flag barge_commands") }
        let request = BargeRequest(
            group: group, whisperIsExplicit: barge.whisper.isExplicit,
            commands: barge.commands.fixedValue ?? true, commandsIsExplicit: barge.commands.isExplicit)
        let legs = barge.whisper.fixedValue
        decisions.append { policy, caller in
            var request = request
            if let legs { request.whisper = legs == .a ? .a : legs == .b ? .b : .ab }
            return policy.mayBarge(request, caller: caller, calls: nil).decision
        }
    }

    static func of(_ transfer: Transfer) -> PolicyNeeds {
        var needs = PolicyNeeds()
        needs.flag(.transfer)
        if let target = transfer.target.fixedValue, !DialString.isValid(target) {
            needs.needs.append("SIP user \(ShortText.of(target)) of the caller's customer")
            needs.undecided.append("the caller's customer")
        } else {
            needs.dialRule(for: transfer.target, transfer: true)
        }
        return needs
    }

    static func of(_ enqueue: Enqueue) -> PolicyNeeds {
        var needs = PolicyNeeds()
        needs.flag(.queue)
        return needs
    }

    static func of(_ set: SetVariable) -> PolicyNeeds {
        var needs = PolicyNeeds()
        if set.header.fixedValue != false { needs.flag(.sipHeaders) }
        return needs
    }

    static func of(_ start: Start) -> PolicyNeeds {
        var needs = PolicyNeeds()
        if !start.streams.isEmpty { needs.flag(.stream) }
        return needs
    }
}
