import Diagnostics
import Language
import Policy

/// `<Transfer>`: policy first (`Policy.mayTransfer`: the `transfer` flag,
/// then the dial rules for a number, or for a SIP user name that the user
/// exists and is of the caller's customer, as `explain transfer` says); a
/// blind transfer hands the call away at once, an attended one only when
/// the recipient answers (else the script goes on).
extension CallRun {
    mutating func visit(_ transfer: Transfer) -> Flow {
        let at = transfer.position
        guard let transfer = resolved(transfer) else { return .next }
        let (target, attended) = (transfer.target, transfer.attended)
        // Decided before the `transfer` event, which is where a blind
        // transfer that goes ahead takes its branch (nothing follows it).
        let decision = policy.mayTransfer(to: target, caller: caller)
        emit(
            .transfer, at: at, [.init(.target, .string(target)), .init(.attended, .bool(attended))],
            outcome: decision.isAllowed && !attended ? Transfer.Outcome.transferred : nil)
        guard decision.isAllowed else {
            deny(decision, at: at, outcome: Transfer.Outcome.denied)
            return .next
        }
        guard attended else { return .end(.transferred) }
        let answer = scenario.answers[target] ?? scenario.defaultAnswer
        if answer.status == .answered {
            clock.elapsed += answer.ring
            emit(.transferResult, at: at, [.init(.status, .string("completed"))], outcome: Transfer.Outcome.transferred)
            return .end(.transferred)
        }
        clock.elapsed += answer.status == .noAnswer ? Double(Dial.defaultTimeout) : 1
        emit(.transferResult, at: at, [.init(.status, .string(answer.status.rawValue))], outcome: Self.outcome(of: answer.status))
        return .next
    }

    /// Its target, then whether it is attended, for this call.
    private mutating func resolved(_ transfer: Transfer) -> Transfer.Resolved? {
        guard let target = resolve(transfer.target, "target", at: transfer.position),
            let attended = resolve(transfer.attended, "attended", at: transfer.position)
        else { return nil }
        return Transfer.Resolved(target: target, attended: attended)
    }

    /// The branch an attended transfer whose target did not answer takes.
    private static func outcome(of status: Answer.Status) -> VerbOutcome {
        switch status {
        case .busy: Transfer.Outcome.busy
        case .noAnswer: Transfer.Outcome.noAnswer
        case .failed, .answered: Transfer.Outcome.failed
        }
    }
}

extension Transfer {
    /// A `<Transfer>` for one call: its target and whether it is attended,
    /// resolved once (the policy check, the trace and the answer all use them).
    struct Resolved {
        let target: String
        let attended: Bool
    }
}
