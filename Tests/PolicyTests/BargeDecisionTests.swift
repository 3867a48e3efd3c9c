import Policy
import Testing

@Suite struct BargeDecisionTests {
    let policy = Fixtures.policy
    // acme: 1001, 1002 agents (sales); 1003 operator (sales); 1004 supervisor (support).
    // globex: 2001 agent (sales), 2002 operator (sales).
    let calls = [
        CallInProgress(id: "c1", parties: ["1002", "+441234567890"], started: 100),
        CallInProgress(id: "c0", parties: ["1001", "+441234567891"], started: 50),
        CallInProgress(id: "g1", parties: ["2001", "+331234567890"], started: 10),
        CallInProgress(id: "own", parties: ["1003", "+441234567892"], started: 1),
    ]

    func barge(_ user: String, _ request: BargeRequest, calls: [CallInProgress]? = nil) -> BargeDecision {
        policy.mayBarge(request, caller: Fixtures.caller(user), calls: calls ?? self.calls)
    }

    @Test func operatorJoinsTheLongestRunningCallOfItsGroupAndCustomer() {
        let result = barge("1003", BargeRequest(group: "sales"))
        #expect(result.decision.isAllowed)
        // "own" is the operator's own call, g1 is globex's: c0 is the oldest left.
        #expect(result.grant == BargeGrant(call: "c0", hears: .ab, heardBy: .ab, commands: true))
    }

    @Test func agentIsDeniedForLackOfTheFlag() {
        let result = barge("1001", BargeRequest(group: "sales"))
        #expect(result.decision.denial == .missingFlag)
        #expect(result.decision.evidence.flag == .barge)
        #expect(result.grant == nil)
    }

    @Test func groupNameMustBeValid() {
        let result = barge("1003", BargeRequest(group: "GROUPA"))
        #expect(result.decision.denial == .invalidGroupName)
        #expect(result.decision.notes.contains("did you mean 'groupa'?"))
    }

    @Test func callerMustBelongToTheGroup() {
        let result = barge("1004", BargeRequest(group: "sales"))
        #expect(result.decision.denial == .notInBargeGroup)
        #expect(result.decision.notes == ["profile supervisor belongs to barge group support"])
    }

    @Test func noCallInTheGroup() {
        let result = barge("1004", BargeRequest(group: "support"))
        #expect(result.decision.denial == .noTargetCall)
    }

    @Test func anyCallOfTheCustomerWithoutAGroup() {
        let result = barge("1004", BargeRequest(group: nil))
        #expect(result.decision.isAllowed)
        #expect(result.grant?.call == "own")  // 1003's call is not 1004's own
    }

    @Test func namedTargets() {
        #expect(barge("1003", BargeRequest(group: "sales", targetCall: "c1")).grant?.call == "c1")
        let cross = barge("1003", BargeRequest(group: "sales", targetCall: "g1"))
        #expect(cross.decision.denial == .crossCustomer)
        #expect(cross.decision.evidence.otherCustomer == "globex")
        #expect(barge("1003", BargeRequest(group: "sales", targetCall: "own")).decision.denial == .noTargetCall)
        #expect(barge("1003", BargeRequest(group: "sales", targetCall: "zz")).decision.denial == .noTargetCall)
    }

    @Test func neverAcrossCustomersWhateverTheGroups() {
        // globex's operator is in group sales too, but only globex calls qualify.
        let result = barge("2002", BargeRequest(group: "sales"))
        #expect(result.grant?.call == "g1")
        let none = barge("2002", BargeRequest(group: "sales"), calls: [calls[0], calls[1]])
        #expect(none.decision.denial == .noTargetCall)
    }

    @Test func aCallWithUsersOfTwoCustomersIsNobodysTarget() {
        // 1001 (acme) talks to 2001 (globex): neither operator may join it,
        // though both are in group sales and the call is the oldest.
        let mixed = CallInProgress(id: "mixed", parties: ["1001", "2001"], started: 1)
        let named = barge("1003", BargeRequest(group: "sales", targetCall: "mixed"), calls: [mixed])
        #expect(named.decision.denial == .crossCustomer)
        #expect(named.decision.evidence.otherCustomer == "globex")
        #expect(
            barge("2002", BargeRequest(group: "sales", targetCall: "mixed"), calls: [mixed]).decision.evidence.otherCustomer
                == "acme")
        // Chosen automatically: passed over for a younger call of the customer...
        #expect(barge("1003", BargeRequest(group: "sales"), calls: [mixed, calls[0]]).grant?.call == "c1")
        // ...and named as the reason when it is the only one.
        let alone = barge("1003", BargeRequest(group: "sales"), calls: [mixed])
        #expect(alone.decision.denial == .crossCustomer)
        #expect(alone.decision.evidence.call == "mixed")
        #expect(barge("1004", BargeRequest(group: nil), calls: [mixed]).decision.denial == .crossCustomer)
    }

    @Test func aCallOfOutsideNumbersOnlyBelongsToNobody() {
        let outside = CallInProgress(id: "out", parties: ["+441234567890", "+331234567890"], started: 1)
        #expect(policy.ownership(of: outside) == .nobody)
        #expect(barge("1004", BargeRequest(group: nil, targetCall: "out"), calls: [outside]).decision.denial == .noTargetCall)
        #expect(barge("1004", BargeRequest(group: nil), calls: [outside]).decision.denial == .noTargetCall)
    }

    @Test func defaultCapabilitiesWithoutFlagsAreDroppedNotDenied() {
        // The supervisor has barge but neither whisper nor barge_commands.
        let result = barge("1004", BargeRequest(group: nil))
        #expect(result.decision.isAllowed)
        #expect(result.grant?.heardBy == LegSet.none)
        #expect(result.grant?.commands == false)
        #expect(result.decision.notes.contains("listen only: profile supervisor lacks the whisper flag"))
        #expect(result.decision.notes.contains("no commands: profile supervisor lacks the barge_commands flag"))
    }

    @Test func explicitCapabilitiesWithoutFlagsAreDenied() {
        let whisper = barge("1004", BargeRequest(group: nil, whisper: .a, whisperIsExplicit: true))
        #expect(whisper.decision.denial == .missingFlag)
        #expect(whisper.decision.evidence.flag == .whisper)
        let commands = barge(
            "1004", BargeRequest(group: nil, whisper: .none, whisperIsExplicit: true, commands: true, commandsIsExplicit: true))
        #expect(commands.decision.denial == .missingFlag)
        #expect(commands.decision.evidence.flag == .bargeCommands)
        // Explicitly asking for nothing needs nothing.
        let quiet = barge(
            "1004", BargeRequest(group: nil, whisper: .none, whisperIsExplicit: true, commands: false, commandsIsExplicit: true))
        #expect(quiet.decision.isAllowed)
    }

    @Test func bridgeAndWhisperLegsAreGranted() {
        let result = barge("1003", BargeRequest(group: "sales", whisper: .a, whisperIsExplicit: true, bridge: .b))
        #expect(result.grant?.hears == .b)
        #expect(result.grant?.heardBy == .a)
    }

    @Test func fromTheDirectoryAloneNoTargetIsChosen() {
        let result = policy.mayBarge(BargeRequest(group: "sales"), caller: Fixtures.caller("1003"), calls: nil)
        #expect(result.decision.isAllowed)
        #expect(result.grant?.call == nil)
    }
}
