import Engine
import Policy
import PropertyBased
import Testing

@testable import connexml

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
            expectExplainAndRunAgree(
                .transfer, on: target, in: world, script: "<Response><Transfer>{{ t }}</Transfer></Response>",
                acting: .transfer)
        }
    }
}
