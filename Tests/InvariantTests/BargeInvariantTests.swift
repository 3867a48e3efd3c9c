import Engine
import Policy
import PropertyBased
import Testing

@testable import connexml

/// policy.md's barge rules as properties of every world: random directories
/// (customers, profiles, flags, groups), calls in progress and callers. The
/// expected target is computed here from policy.md's words, independently
/// of `Policy+Barge.swift`.
@Suite struct BargeInvariantTests {
    static let worlds = Gen.uint8(in: 0...255).array(of: 16...96)

    /// What policy.md says the barge may join, or nil.
    static func expectedTarget(in world: World, group: String?, named: String?) -> CallInProgress? {
        guard let mine = world.callerCustomerName else { return nil }
        func eligible(_ call: CallInProgress) -> Bool {
            let customers = Set(call.parties.compactMap { world.user($0)?.customer })
            let inGroup = group == nil || call.parties.contains { world.profile(of: $0)?.group == group }
            return customers == [mine] && !call.parties.contains(world.caller) && inGroup
        }
        if let named { return world.calls.first { $0.id == named && eligible($0) } }
        return world.calls.filter(eligible).min { ($0.started, $0.id) < ($1.started, $1.id) }
    }

    @Test func noBargeEverCrossesCustomersOrSkipsAFlag() async {
        await propertyCheck(count: 400, input: Self.worlds) { bytes in
            var choices = Choices(bytes)
            let world = World(&choices)
            let group: String? = choices.pick([nil, "sales", "support"])
            let named: String? = choices.int(0...2) == 0 ? choices.pick(world.calls.map(\.id) + ["zz"]) : nil
            let xml =
                group == nil
                ? "<Response><Dial><Barge/></Dial></Response>"
                : "<Response><Dial><Barge>{{ team }}</Barge></Dial></Response>"
            let events = world.run(
                xml, world.scenario(target: named, variables: group.map { ["team": $0] } ?? [:]),
                directory: world.directory)
            let joined = events.first { $0.name == .barge }?.string(.call)
            let profile = world.callerProfile

            if let joined, let call = world.calls.first(where: { $0.id == joined }) {
                let others = call.parties.compactMap { world.user($0)?.customer }.filter { $0 != world.callerCustomerName }
                #expect(others.isEmpty, "joined \(joined), which has a user of \(others)\n\(world)")
                #expect(profile.flags.contains("barge"), "barged without the barge flag\n\(world)")
                #expect(
                    group == nil || profile.group == group,
                    "barged group \(group ?? "-") from group \(profile.group ?? "-")\n\(world)")
            }
            // Exactly the call policy.md names is joined, when the caller may barge at all.
            let mayBarge = profile.flags.contains("barge") && (group == nil || profile.group == group)
            let expected = mayBarge ? Self.expectedTarget(in: world, group: group, named: named)?.id : nil
            #expect(joined == expected, "joined \(joined ?? "nothing"), policy.md says \(expected ?? "nothing")\n\(world)")
            if joined == nil {
                #expect(
                    events.contains { $0.name == .denied && $0.string(.action) == "barge" }, "no barge and no denial\n\(world)")
            }
        }
    }

    @Test func explainAndRunAgreeOnBarging() async {
        await propertyCheck(count: 400, input: Self.worlds) { bytes in
            var choices = Choices(bytes)
            let world = World(&choices)
            guard world.callerCustomer == nil else { return }  // `explain` asks about SIP users
            let group: String? = choices.pick([nil, "sales", "support", "GROUPA"])
            let directory = world.directory
            let policy = Policy(directory: directory)
            guard case .success(let caller) = Caller.user(world.caller, in: directory),
                let explained = ExplainAction.barge.explain(group, caller: caller, policy: policy)
            else {
                Issue.record("explain could not answer for \(world.caller)")
                return
            }
            let xml =
                group == nil
                ? "<Response><Dial><Barge/></Dial></Response>"
                : "<Response><Dial><Barge>{{ team }}</Barge></Dial></Response>"
            let events = world.run(
                xml, world.scenario(target: nil, variables: group.map { ["team": $0] } ?? [:]), directory: directory)
            let denial = events.first { $0.name == .denied && $0.string(.action) == "barge" }?.string(.reason)
            if let reason = explained.decision.denial {
                #expect(denial == reason.rawValue, "explain: \(reason.rawValue), run: \(denial ?? "joined")\n\(world)")
            } else {
                // From the directory alone explain cannot know the calls:
                // run may still find none to join, and says so.
                let callReasons: Set<String?> = [nil, "no_target_call", "cross_customer"]
                #expect(callReasons.contains(denial), "explain allowed, run denied: \(denial ?? "-")\n\(world)")
            }
        }
    }
}
