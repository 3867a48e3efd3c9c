@testable import connexml
import Engine
import Policy
import PropertyBased
import Testing

/// `explain dial N` and a call dialling N judge every destination the same
/// way, whatever it looks like: separators, signs, keys, emergency numbers,
/// nothing at all.
@Suite struct DialInvariantTests {
    static let alphabet = Array("0123456789+*# ,-")
    static let specials = ["112", "", "0 0441234", "0,0441234", "0*0441234", "00441234", "+441234567890",
                           String(repeating: "1", count: 32), String(repeating: "1", count: 33)]

    @Test func explainAndRunAgreeOnDialling() async {
        await propertyCheck(count: 500, input: BargeInvariantTests.worlds) { bytes in
            var choices = Choices(bytes)
            let world = World(&choices)
            guard world.callerCustomer == nil else { return }
            let number = choices.int(0...3) == 0 ? choices.pick(Self.specials)
                : String((0..<choices.int(0...14)).map { _ in choices.pick(Self.alphabet) })
            let directory = world.directory
            guard case .success(let caller) = Caller.user(world.caller, in: directory),
                  let explained = ExplainAction.dial.explain(number, caller: caller, policy: Policy(directory: directory)) else {
                Issue.record("explain could not answer for \(world.caller)")
                return
            }
            let events = world.run("<Response><Dial>{{ n }}</Dial></Response>", world.scenario(target: nil, variables: ["n": number]),
                                   directory: directory)
            let denial = events.first { $0.name == "denied" }?.string("reason")
            let refused = events.contains { $0.name == "error" }  // not a number: the verb is skipped
            let dialled = events.contains { $0.name == "dial" } && denial == nil && !refused
            let context = "number '\(number)': explain \(explained.decision.verdict), run \(denial ?? (refused ? "refused" : "dialled"))\n\(world)"
            #expect(explained.decision.isAllowed == dialled, "\(context)")
            if let reason = explained.decision.denial, !refused {
                #expect(denial == reason.rawValue, "\(context)")
            }
            if refused {
                #expect(explained.decision.denial == .invalidDestination, "\(context)")
            }
        }
    }
}
