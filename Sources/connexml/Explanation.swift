import Diagnostics
import Foundation
import Policy

/// The questions `explain` (and the REPL's `:explain`) answer.
enum ExplainAction: String, CaseIterable {
    case dial, transfer, client, barge, voicemail, flag

    /// Whether the action needs its argument (a number, user or flag).
    var needsArgument: Bool { self == .dial || self == .transfer || self == .client || self == .flag }

    /// The decision for `caller`, from the directory alone; nil when the
    /// argument is missing or names no flag.
    func explain(_ argument: String?, caller: Caller, policy: Policy) -> Explanation? {
        if needsArgument && argument == nil { return nil }
        switch self {
        case .dial: return Explanation(policy.mayDial(argument!, caller: caller), caller: caller)
        case .transfer: return Explanation(policy.mayTransfer(to: argument!, caller: caller), caller: caller)
        case .client: return Explanation(policy.mayDialClient(argument!, caller: caller), caller: caller)
        case .voicemail: return Explanation(policy.mayUseVoicemail(of: argument, caller: caller), caller: caller)
        case .flag:
            guard let flag = Flag(rawValue: argument!) else { return nil }
            return Explanation(policy.mayUse(flag, caller: caller), caller: caller)
        case .barge:
            let barge = policy.mayBarge(BargeRequest(group: argument), caller: caller, calls: nil)
            return Explanation(barge.decision, caller: caller, grant: barge.grant)
        }
    }
}

/// A decision put into words (text) or fields (JSON) for `explain`.
struct Explanation {
    let decision: Decision
    let caller: Caller
    var grant: BargeGrant?

    init(_ decision: Decision, caller: Caller, grant: BargeGrant? = nil) {
        self.decision = decision
        self.caller = caller
        self.grant = grant
    }

    private var profile: String { decision.evidence.profile ?? caller.profileName }

    /// "dial 0044…", "transfer to 1002", "barge calls of group sales", "use transfer".
    private var attempt: String {
        switch decision.action {
        case .dial(let number): "dial \(number)"
        case .transfer(let number): "transfer calls to \(number)"
        case .client(let user): "dial client \(user)"
        case .barge(let group):
            group.map { "barge calls of group \($0)" } ?? "barge any call of customer \(caller.customer ?? "-")"
        case .voicemail(let user): user.map { "reach the voicemail of \($0)" } ?? "reach their own voicemail"
        case .feature(let flag): "use \(flag.rawValue)"
        case .admit: "start a call"
        }
    }

    var text: String { text(palette: .plain) }

    /// The answer, its verdict (allowed, denied) coloured when `palette` is.
    func text(palette: Palette) -> String {
        let e = decision.evidence
        var lines = [
            decision.isAllowed ? "allowed: \(caller.identity) may \(attempt)" : "denied: \(caller.identity) may not \(attempt)"
        ]
        if let rule = e.rule {
            lines.append("by rule \(rule.index) of profile \(profile): \(rule.effect.rawValue) \(rule.pattern)")
        } else if decision.denial == .noMatchingRule {
            lines.append("no rule of profile \(profile) matches, and what no rule allows is denied")
        }
        if let flag = e.flag {
            let has = decision.denial == .missingFlag ? "lacks" : "has"
            lines.append("profile \(profile) \(has) the flag \(flag.rawValue): \(flag.gates)")
        }
        if case .client(let user) = decision.action, let other = e.otherCustomer {
            lines.append(
                other == caller.customer
                    ? "\(user) is a user of the same customer, \(other)"
                    : "\(user) belongs to customer \(other), the caller to \(caller.customer ?? "-")")
        }
        if case .barge = decision.action, decision.isAllowed, let grant {
            lines.append("profile \(profile) has the flag barge" + (e.group.map { " and belongs to barge group \($0)" } ?? ""))
            lines.append(
                "hears: \(legs(grant.hears)); heard by: \(legs(grant.heardBy)); commands: \(grant.commands ? "yes" : "no")")
            if grant.call == nil {
                let scope = e.group.map { "of group \($0) " } ?? ""
                lines.append(
                    "the call joined is chosen when a call runs: the longest-running call \(scope)at customer \(caller.customer ?? "-")"
                )
            }
        }
        lines += decision.notes
        if let reason = decision.denial { lines.append("reason: \(reason.rawValue)") }
        // The numbers, names and notes come from the command line and the
        // directory: each line is escaped so none can break or drive the terminal.
        var printed = lines.map(PrintableText.line)
        // The verdict is our own word: colour goes around it after escaping.
        let verdict = decision.isAllowed ? "allowed:" : "denied:"
        printed[0] = palette.paint(verdict, decision.isAllowed ? .success : .error) + printed[0].dropFirst(verdict.count)
        return printed.enumerated().map { $0.offset == 0 ? $0.element : "  " + $0.element }
            .joined(separator: "\n") + "\n"
    }

    private func legs(_ set: LegSet) -> String { set.isEmpty ? "nobody" : set.legs.joined(separator: " ") }

    var json: String {
        struct Rule: Encodable { let index: Int, pattern: String, effect: String }
        struct Body: Encodable {
            let user: String, action: String, target: String?, allowed: Bool, reason: String?
            let profile: String, customer: String?, flag: String?, rule: Rule?, emergency: Bool?
            let group: String?, otherCustomer: String?
            let hears: [String]?, heardBy: [String]?, commands: Bool?
            let notes: [String]
            // The JSON keys of explain's output (docs/policy.md).
            enum CodingKeys: String, CodingKey {
                case user, action, target, allowed, reason, profile, customer, flag, rule, emergency, group
                case otherCustomer = "other_customer"
                case hears
                case heardBy = "heard_by"
                case commands, notes
            }
        }
        let e = decision.evidence
        let body = Body(
            user: caller.identity, action: decision.action.name, target: decision.action.target,
            allowed: decision.isAllowed, reason: decision.denial?.rawValue,
            profile: profile, customer: caller.customer, flag: e.flag?.rawValue,
            rule: e.rule.map { Rule(index: $0.index, pattern: $0.pattern, effect: $0.effect.rawValue) },
            emergency: e.emergency ? true : nil, group: e.group, otherCustomer: e.otherCustomer,
            hears: grant?.hears.legs, heardBy: grant?.heardBy.legs, commands: grant?.commands, notes: decision.notes)
        return MachineJSON.text(body)
    }
}
