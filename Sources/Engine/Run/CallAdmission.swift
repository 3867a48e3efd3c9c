import Policy

/// The start of a call, before any of its state exists: who calls (the
/// directory resolves the caller) and whether capacity admits them. A call
/// runs only once admitted, so a running call always has its caller
/// (`CallRun.caller`); a refused one is traced and summed up here.
struct CallAdmission<Sink: TraceSink> {
    enum Result {
        case admitted(Caller)
        case refused(CallSummary)
    }

    let engine: Engine
    let scenario: Scenario
    let output: SinkBox<Sink>

    /// Traces `call.start`, then admits the users the scenario has logged
    /// in (they take capacity) and the caller.
    func admit() -> Result {
        let resolved = Caller.resolve(scenario.from, in: engine.policy.directory, applicationProfile: scenario.profile,
                                      applicationCustomer: scenario.customer)
        emit(.callStart, startFields(resolved))
        switch resolved {
        case .failure(let denial):
            admitLoggedIn()
            return refuse(denial, caller: nil)
        case .success(let caller):
            admitLoggedIn()
            let admission = engine.capacity.admit(caller)
            guard admission.isAllowed else { return refuse(admission, caller: caller) }
            return .admitted(caller)
        }
    }

    /// Gives back what the logged-in users took (a refused call's caller
    /// took nothing).
    func releaseLoggedIn() {
        for user in scenario.loggedIn {
            if case .success(let other) = Caller.user(user, in: engine.policy.directory) { engine.capacity.release(other) }
        }
    }

    private func admitLoggedIn() {
        for user in scenario.loggedIn {
            if case .success(let other) = Caller.user(user, in: engine.policy.directory) { _ = engine.capacity.admit(other) }
        }
    }

    /// The denial and the end of a call that never started.
    private func refuse(_ decision: Decision, caller: Caller?) -> Result {
        emit(.denied, decision.traceFields(profile: caller?.profileName))
        releaseLoggedIn()
        var summary = CallSummary(reason: .refused, duration: 0, verbsRun: 0, denials: 1)
        summary.variables = CallRun<Sink>.startingVariables(scenario)
        emit(.callEnd, [.init(.reason, .string(CallSummary.Reason.refused.rawValue)), .init(.duration, .number(0)),
                        .init(.verbs, .number(0)), .init(.denials, .number(1))])
        return .refused(summary)
    }

    /// `call.start`'s fields: who calls, as whom, when (the caller's
    /// profile only when there is one).
    private func startFields(_ resolved: Swift.Result<Caller, Decision>) -> [TraceEvent.Field] {
        var fields: [TraceEvent.Field] = [.init(.from, .string(scenario.from)), .init(.to, .string(scenario.to)),
                                          .init(.sid, .string(CallRun<Sink>.callSid(scenario)))]
        guard case .success(let caller) = resolved else { return fields }
        fields.append(.init(.caller, .string(caller.user == nil ? "outside" : "user")))
        fields.append(.init(.profile, .string(caller.profileName)))
        if let customer = caller.customer { fields.append(.init(.customer, .string(customer))) }
        fields.append(.init(.start, .string(CivilTime(scenario.start, in: scenario.timeZone).iso8601)))
        fields.append(.init(.timezone, .string(scenario.timeZoneName)))
        return fields
    }

    /// Before the call, the clock reads 0 and no verb is the cause.
    private func emit(_ name: TraceEvent.Name, _ fields: @autoclosure () -> [TraceEvent.Field]) {
        output.sink.emit(TraceEvent(time: 0, name: name, file: nil, line: nil, fields: output.sink.wantsFields ? fields() : []))
    }
}
