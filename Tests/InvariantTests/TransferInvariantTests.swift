@testable import connexml
import Engine
import Policy
import PropertyBased
import Testing

/// `explain transfer T` and a call transferring to T judge every target
/// alike: numbers by the dial rules, SIP user names by customer, anything
/// else as not a target — with or without the `transfer` flag.
@Suite struct TransferInvariantTests {
    static let oddTargets = ["test4", "", "a b", "0 0441234", "00441234", "+441234567890", "112", "nobody", "test2\u{7}"]

    @Test func explainAndRunAgreeOnTransfers() async {
        await propertyCheck(count: 500, input: BargeInvariantTests.worlds) { bytes in
            var choices = Choices(bytes)
            let world = World(&choices)
            guard world.callerCustomer == nil else { return }
            let target = choices.bool() ? choices.pick(world.users.map(\.name)) : choices.pick(Self.oddTargets)
            let directory = world.directory
            guard case .success(let caller) = Caller.user(world.caller, in: directory),
                  let explained = ExplainAction.transfer.explain(target, caller: caller, policy: Policy(directory: directory)) else {
                Issue.record("explain could not answer for \(world.caller)")
                return
            }
            let events = world.run("<Response><Transfer>{{ t }}</Transfer></Response>",
                                   world.scenario(target: nil, variables: ["t": target]), directory: directory)
            let denial = events.first { $0.name == "denied" }?.string("reason")
            let refused = events.contains { $0.name == "error" }  // not a target: the verb is skipped
            let transferred = events.contains { $0.name == "transfer" } && denial == nil && !refused
            let context = "target '\(target)': explain \(explained.decision.verdict), run \(denial ?? (refused ? "refused" : "transferred"))\n\(world)"
            #expect(explained.decision.isAllowed == transferred, "\(context)")
            if let reason = explained.decision.denial, !refused {
                #expect(denial == reason.rawValue, "\(context)")
            }
            if refused {
                #expect(explained.decision.denial == .invalidDestination, "\(context)")
            }
        }
    }
}
