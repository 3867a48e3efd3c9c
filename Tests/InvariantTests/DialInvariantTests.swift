import Engine
import Policy
import PropertyBased
import Testing

@testable import connexml

/// `explain dial N` and a call dialling N judge every destination the same
/// way, whatever it looks like: separators, signs, keys, emergency numbers,
/// nothing at all.
@Suite struct DialInvariantTests {
    static let alphabet = Array("0123456789+*# ,-")
    static let specials = [
        "112", "", "0 0441234", "0,0441234", "0*0441234", "00441234", "+441234567890",
        String(repeating: "1", count: 32), String(repeating: "1", count: 33),
    ]

    @Test func explainAndRunAgreeOnDialling() async {
        await propertyCheck(count: 500, input: BargeInvariantTests.worlds) { bytes in
            var choices = Choices(bytes)
            let world = World(&choices)
            guard world.callerCustomer == nil else { return }
            let number =
                choices.int(0...3) == 0
                ? choices.pick(Self.specials)
                : String((0..<choices.int(0...14)).map { _ in choices.pick(Self.alphabet) })
            expectExplainAndRunAgree(
                .dial, on: number, in: world, script: "<Response><Dial>{{ t }}</Dial></Response>", acting: .dial)
        }
    }
}

/// `explain ACTION TARGET` and a call whose `script` acts on the same target
/// (the variable `t`) agree: allowed exactly when the call goes ahead (its
/// `acting` event, no denial), denied for the same reason, and a target the
/// script cannot use (the verb is skipped) is `invalid_destination`.
func expectExplainAndRunAgree(
    _ action: ExplainAction, on target: String, in world: World, script: String, acting: TraceEvent.Name,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let directory = world.directory
    guard case .success(let caller) = Caller.user(world.caller, in: directory),
        let explained = action.explain(target, caller: caller, policy: Policy(directory: directory))
    else {
        Issue.record("explain could not answer for \(world.caller)", sourceLocation: sourceLocation)
        return
    }
    let events = world.run(script, world.scenario(target: nil, variables: ["t": target]), directory: directory)
    let denial = events.first { $0.name == .denied }?.string(.reason)
    let refused = events.contains { $0.name == .error }  // not a valid target: the verb is skipped
    let acted = events.contains { $0.name == acting } && denial == nil && !refused
    let context =
        "\(action.rawValue) '\(target)': explain \(explained.decision.verdict), run \(denial ?? (refused ? "refused" : "went ahead"))\n\(world)"
    #expect(explained.decision.isAllowed == acted, "\(context)", sourceLocation: sourceLocation)
    if let reason = explained.decision.denial, !refused {
        #expect(denial == reason.rawValue, "\(context)", sourceLocation: sourceLocation)
    }
    if refused {
        #expect(explained.decision.denial == .invalidDestination, "\(context)", sourceLocation: sourceLocation)
    }
}
