import Diagnostics

extension Policy {
    /// May the caller reach `number` (after templates are expanded)?
    /// Emergency numbers first, then the profile's rules in order: the first
    /// whose pattern matches the whole number decides; none denies.
    /// A destination that is not a number (`DialString`: `+`, digits, `*`,
    /// `#`) is denied as invalid before any rule sees it, exactly as a
    /// script cannot dial it: `_X.` would otherwise "allow" `0 0441234`.
    public func mayDial(_ number: String, caller: Caller) -> Decision {
        let action = Action.dial(number)
        guard number.isEmpty || DialString.isValid(number) else {
            let compact =
                DialString.compacted(number).map { compact in
                    [
                        "as written without separators, \(compact): \(checkDestination(compact, caller: caller, as: .dial(compact)).verdict)"
                    ]
                } ?? []
            return .denied(
                action, .invalidDestination, evidence(for: caller),
                notes: [
                    "'\(number)' is not a number to dial: a number is an optional +, then digits, * and #, at most \(DialString.maximumLength) characters"
                ] + compact)
        }
        return checkDestination(number, caller: caller, as: action)
    }

    /// May the caller transfer the call to `target`? A number, an extension
    /// or a SIP user name (the documentation transfers to `test4`). Text
    /// with white space or control characters is none of them and is
    /// invalid before anything else, exactly as `<Transfer>` refuses it
    /// (`TransferTarget`, shared with the language layer).
    /// Then the `transfer` flag; then a number (`DialString`) goes by the
    /// dial rules, as dialling it would, and a name is judged as `<Client>`
    /// is: the user must exist and belong to the caller's customer.
    public func mayTransfer(to target: String, caller: Caller) -> Decision {
        let action = Action.transfer(target)
        var evidence = evidence(for: caller)
        guard TransferTarget.isValid(target) else {
            let compact =
                DialString.compacted(target).map { compact in
                    ["as a number written without separators, \(compact): \(mayTransfer(to: compact, caller: caller).verdict)"]
                } ?? []
            return .denied(
                action, .invalidDestination, evidence,
                notes: ["'\(target)' is not a transfer target: a number, an extension or a SIP user name, without spaces"]
                    + compact)
        }
        guard profile(of: caller).has(.transfer) else {
            evidence.flag = .transfer
            return .denied(action, .missingFlag, evidence)
        }
        if DialString.isValid(target) { return checkDestination(target, caller: caller, as: action) }
        guard let user = directory.user(named: target) else {
            return .denied(
                action, .unknownUser, evidence,
                notes: ["'\(target)' is not a number, so it names a SIP user, and there is no user '\(target)' in the directory"])
        }
        evidence.otherCustomer = user.customer
        guard user.customer == caller.customer else { return .denied(action, .crossCustomer, evidence) }
        return .allowed(action, evidence, notes: ["\(target) is a SIP user of the caller's customer"])
    }

    /// May the caller dial SIP user `username`? It must exist and belong to
    /// the caller's customer.
    public func mayDialClient(_ username: String, caller: Caller) -> Decision {
        let action = Action.client(username)
        guard let target = directory.user(named: username) else {
            return .denied(action, .unknownUser, evidence(for: caller), notes: ["no SIP user '\(username)' in the directory"])
        }
        let evidence = Evidence(profile: caller.profileName, customer: caller.customer, otherCustomer: target.customer)
        guard target.customer == caller.customer else { return .denied(action, .crossCustomer, evidence) }
        return .allowed(action, evidence)
    }

    /// May the caller reach voicemail: their own (`voicemail`), or the
    /// mailbox of `user` (`voicemail_any`, same customer)?
    public func mayUseVoicemail(of user: String?, caller: Caller) -> Decision {
        let action = Action.voicemail(user: user)
        var evidence = evidence(for: caller)
        let own = user == nil || user == caller.user?.username
        evidence.flag = own ? .voicemail : .voicemailAny
        guard profile(of: caller).has(evidence.flag!) else { return .denied(action, .missingFlag, evidence) }
        if !own, let user {
            guard let owner = directory.user(named: user) else { return .denied(action, .unknownUser, evidence) }
            evidence.otherCustomer = owner.customer
            guard owner.customer == caller.customer else { return .denied(action, .crossCustomer, evidence) }
        }
        return .allowed(action, evidence)
    }

    private func checkDestination(_ number: String, caller: Caller, as action: Action) -> Decision {
        // The evidence built once, for the outcome: changing a copy field by
        // field copied the whole value at each step (twice a Dial, every call).
        guard !number.isEmpty else {
            return .denied(action, .invalidDestination, evidence(for: caller), notes: ["the destination is empty"])
        }
        if directory.emergencyNumbers.contains(number) {
            let evidence = Evidence(profile: caller.profileName, customer: caller.customer, emergency: true)
            return .allowed(action, evidence, notes: ["\(number) is an emergency number: always allowed"])
        }
        for (offset, rule) in profile(of: caller).dialRules.enumerated() where rule.pattern.matches(number) {
            let evidence = Evidence(
                profile: caller.profileName, customer: caller.customer,
                rule: Evidence.Rule(index: offset + 1, pattern: rule.pattern.source, effect: rule.effect))
            return rule.effect == .allow ? .allowed(action, evidence) : .denied(action, .dialRule, evidence)
        }
        return .denied(action, .noMatchingRule, evidence(for: caller))
    }
}
