import Diagnostics
import Language
import Policy

/// `<Transfer>`: policy first (`Policy.mayTransfer`: the `transfer` flag,
/// then the dial rules for a number, or for a SIP user name that the user
/// exists and is of the caller's customer, as `explain transfer` says); a
/// blind transfer hands the call away at once, an attended one only when
/// the recipient answers (else the script goes on).
extension CallRun {
    mutating func runTransfer(_ transfer: Transfer) -> Flow {
        let at = transfer.position
        guard let target = resolve(transfer.target, "target", at: at),
              let attended = resolve(transfer.attended, "attended", at: at) else { return .next }
        emit("transfer", at: at, [.init("target", .string(target)), .init("attended", .bool(attended))])
        let decision = policy.mayTransfer(to: target, caller: caller!)
        guard decision.isAllowed else {
            deny(decision, at: at)
            return .next
        }
        guard attended else { return .end(.transferred) }
        let answer = scenario.answers[target] ?? scenario.defaultAnswer
        if answer.status == .answered {
            clock.elapsed += answer.ring
            emit("transfer.result", at: at, [.init("status", .string("completed"))])
            return .end(.transferred)
        }
        clock.elapsed += answer.status == .noAnswer ? Double(Dial.defaultTimeout) : 1
        emit("transfer.result", at: at, [.init("status", .string(answer.status.rawValue))])
        return .next
    }
}
