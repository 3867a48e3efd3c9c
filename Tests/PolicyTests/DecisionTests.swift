import Policy
import Testing

/// Every denial code, first-match ordering, default deny, the emergency
/// override, and cross-customer refusals, on the bundled sample directory.
@Suite struct DecisionTests {
    let policy = Fixtures.policy
    let agent = Fixtures.caller("1001")
    let operatorUser = Fixtures.caller("1003")
    let supervisor = Fixtures.caller("1004")

    @Test func firstMatchingRuleDecides() {
        let international = policy.mayDial("00441234567", caller: agent)
        #expect(international.denial == .dialRule)
        #expect(international.evidence.rule == .init(index: 1, pattern: "_00.", effect: .deny))
        #expect(international.evidence.profile == "agent")
        let e164 = policy.mayDial("+441234567", caller: agent)
        #expect(e164.denial == .dialRule)
        #expect(e164.evidence.rule?.index == 2)
        let local = policy.mayDial("01234567890", caller: agent)
        #expect(local.isAllowed)
        #expect(local.evidence.rule == .init(index: 3, pattern: "_X.", effect: .allow))
        #expect(policy.mayDial("00441234567", caller: operatorUser).isAllowed)
    }

    @Test func noMatchingRuleDenies() {
        let ivr = try! Caller.resolve("+15551234567", in: Fixtures.sample).get()
        #expect(ivr.profileName == "ivr")
        let decision = policy.mayDial("+15551234567", caller: ivr)
        #expect(decision.denial == .noMatchingRule)
        #expect(decision.evidence.rule == nil)
        #expect(policy.mayDial("1234", caller: ivr).isAllowed)
    }

    @Test func emergencyNumbersAreAlwaysAllowed() {
        let ivr = try! Caller.resolve("+15551234567", in: Fixtures.sample).get()
        for number in ["112", "911", "999"] {
            let decision = policy.mayDial(number, caller: ivr)
            #expect(decision.isAllowed)
            #expect(decision.evidence.emergency)
        }
        // Even where a rule would deny everything.
        let withEmergency = Fixtures.load(
            """
            emergency: ["112"]
            customers: [{name: acme}]
            profiles: [{name: locked, dial: [{deny: "_!"}]}]
            users: [{username: u, profile: locked, customer: acme}]
            """
        ).directory!
        let u = try! Caller.user("u", in: withEmergency).get()
        #expect(Policy(directory: withEmergency).mayDial("112", caller: u).isAllowed)
        #expect(Policy(directory: withEmergency).mayDial("113", caller: u).denial == .dialRule)
    }

    @Test func emptyDestination() {
        #expect(policy.mayDial("", caller: agent).denial == .invalidDestination)
    }

    @Test func features() {
        let denied = policy.mayUse(.transfer, caller: agent)
        #expect(denied.denial == .missingFlag)
        #expect(denied.evidence.flag == .transfer)
        #expect(policy.mayUse(.transfer, caller: operatorUser).isAllowed)
    }

    @Test func transferNeedsTheFlagThenTheRules() {
        #expect(policy.mayTransfer(to: "1002", caller: agent).denial == .missingFlag)
        #expect(policy.mayTransfer(to: "1002", caller: operatorUser).isAllowed)
        let sup = policy.mayTransfer(to: "1002", caller: supervisor)
        #expect(sup.denial == .missingFlag)
    }

    /// `<Transfer>test4</Transfer>`: a name is a SIP user, judged as
    /// `<Client>` is; a number still goes by the dial rules.
    @Test func transferToASIPUserName() {
        let named = Fixtures.load(
            """
            customers: [{name: acme}, {name: globex}]
            profiles: [{name: op, flags: [transfer], dial: [{deny: "_X."}]}, {name: plain}]
            users:
              - {username: op1, profile: op, customer: acme}
              - {username: test4, profile: plain, customer: acme}
              - {username: other, profile: plain, customer: globex}
              - {username: nobody, profile: plain, customer: acme}
            """
        ).directory!
        let policy = Policy(directory: named)
        let op = try! Caller.user("op1", in: named).get()
        let allowed = policy.mayTransfer(to: "test4", caller: op)
        #expect(allowed.isAllowed)
        #expect(allowed.evidence.rule == nil)  // no dial rule judged a name
        #expect(allowed.action == .transfer("test4"))
        #expect(policy.mayTransfer(to: "test5", caller: op).denial == .unknownUser)
        let cross = policy.mayTransfer(to: "other", caller: op)
        #expect(cross.denial == .crossCustomer)
        #expect(cross.evidence.otherCustomer == "globex")
        // Numbers: the dial rules, which deny everything here.
        #expect(policy.mayTransfer(to: "1234", caller: op).denial == .dialRule)
        // The flag still comes first for names.
        let plain = try! Caller.user("nobody", in: named).get()
        #expect(policy.mayTransfer(to: "test4", caller: plain).denial == .missingFlag)
    }

    /// What `<Transfer>` refuses to read (white space, control characters,
    /// nothing) is an invalid destination here too, before the flag: so
    /// `explain transfer` and `run` agree.
    @Test(arguments: ["", "0 0441234", "a\tb", "te\u{7}st", "line\nbreak"])
    func transferTargetsThatAreNeither(_ target: String) {
        #expect(policy.mayTransfer(to: target, caller: operatorUser).denial == .invalidDestination)
        #expect(policy.mayTransfer(to: target, caller: agent).denial == .invalidDestination)
    }

    @Test func aSpacedTransferNumberSaysHowItWouldGo() {
        let spaced = policy.mayTransfer(to: "0 0441234", caller: operatorUser)
        #expect(spaced.notes.last == "as a number written without separators, 00441234: allowed by rule 1 (_X.)")
    }

    @Test func clientsMustExistAndBeOfTheSameCustomer() {
        #expect(policy.mayDialClient("1002", caller: agent).isAllowed)
        #expect(policy.mayDialClient("9999", caller: agent).denial == .unknownUser)
        let cross = policy.mayDialClient("2001", caller: agent)
        #expect(cross.denial == .crossCustomer)
        #expect(cross.evidence.otherCustomer == "globex")
    }

    @Test func voicemail() {
        #expect(policy.mayUseVoicemail(of: nil, caller: agent).isAllowed)
        #expect(policy.mayUseVoicemail(of: "1002", caller: agent).denial == .missingFlag)
        #expect(policy.mayUseVoicemail(of: "1002", caller: operatorUser).isAllowed)
        #expect(policy.mayUseVoicemail(of: "2001", caller: operatorUser).denial == .crossCustomer)
    }

    @Test func unknownCallers() {
        guard case .failure(let denial) = Caller.user("4242", in: Fixtures.sample) else {
            Issue.record()
            return
        }
        #expect(denial.denial == .unknownUser)
        let noDefault = Fixtures.load("customers: [{name: a}]\nprofiles: [{name: p}]\nusers: []").directory!
        guard case .failure(let noProfile) = Caller.resolve("+1555", in: noDefault) else {
            Issue.record()
            return
        }
        #expect(noProfile.denial == .noProfile)
    }
}
