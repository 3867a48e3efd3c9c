import Policy

/// The start of a call, before any of its state exists: who calls (the
/// directory resolves the caller) and whether capacity admits them. A call
/// runs only once admitted, so a running call always has its caller
/// (`CallRun.caller`); a refused one is traced and summed up here.
/// (Functions, not a value holding them: the call's setup holds the only
/// copies of the scenario and engine.)
enum CallAdmission {
    enum Result {
        case admitted(Caller)
        case refused(CallSummary)
    }

    /// Traces `call.start`, then admits the users the scenario has logged
    /// in (they take capacity) and the caller.
    static func admit<Sink>(_ setup: CallSetup, _ output: SinkBox<Sink>) -> Result {
        // Read in place from the setup: locals would copy them.
        let resolved = Caller.resolve(
            setup.scenario.from, in: setup.engine.policy.directory, applicationProfile: setup.scenario.profile,
            applicationCustomer: setup.scenario.customer)
        emit(.callStart, startFields(resolved, setup.scenario), output)
        admitLoggedIn(setup.engine, setup.scenario)
        switch resolved {
        case .failure(let denial):
            return refuse(denial, caller: nil, setup.engine, setup.scenario, output)
        case .success(let caller):
            let admission = setup.engine.capacity.admit(caller)
            guard admission.isAllowed else {
                return refuse(admission, caller: caller, setup.engine, setup.scenario, output)
            }
            return .admitted(caller)
        }
    }

    /// Gives back what the logged-in users took (a refused call's caller
    /// took nothing). Given the parts it reads, not the engine and the
    /// scenario: a running call would copy them whole to pass them.
    static func releaseLoggedIn(_ users: [String], in directory: Directory, from capacity: CapacityRegistry) {
        for user in users {
            if case .success(let other) = Caller.user(user, in: directory) { capacity.release(other) }
        }
    }

    private static func admitLoggedIn(_ engine: Engine, _ scenario: Scenario) {
        for user in scenario.loggedIn {
            if case .success(let other) = Caller.user(user, in: engine.policy.directory) { _ = engine.capacity.admit(other) }
        }
    }

    /// The denial and the end of a call that never started.
    private static func refuse<Sink>(
        _ decision: Decision, caller: Caller?, _ engine: Engine, _ scenario: Scenario,
        _ output: SinkBox<Sink>
    ) -> Result {
        emit(.denied, decision.traceFields(profile: caller?.profileName), output)
        releaseLoggedIn(scenario.loggedIn, in: engine.policy.directory, from: engine.capacity)
        var summary = CallSummary(reason: .refused, duration: 0, verbsRun: 0, denials: 1)
        summary.variables = CallRun<Sink>.startingVariables(scenario)
        emit(
            .callEnd,
            [
                .init(.reason, .string(CallSummary.Reason.refused.rawValue)), .init(.duration, .number(0)),
                .init(.verbs, .number(0)), .init(.denials, .number(1)),
            ], output)
        return .refused(summary)
    }

    /// `call.start`'s fields: who calls, as whom, when (the caller's
    /// profile only when there is one).
    private static func startFields(_ resolved: Swift.Result<Caller, Decision>, _ scenario: Scenario) -> [TraceEvent.Field] {
        var fields: [TraceEvent.Field] = [
            .init(.from, .string(scenario.from)), .init(.to, .string(scenario.to)),
            .init(.sid, .string(scenario.sid ?? CallRun<CountingSink>.unsetSid)),
        ]
        guard case .success(let caller) = resolved else { return fields }
        fields.append(.init(.caller, .string(caller.user == nil ? "outside" : "user")))
        fields.append(.init(.profile, .string(caller.profileName)))
        if let customer = caller.customer { fields.append(.init(.customer, .string(customer))) }
        fields.append(.init(.start, .string(CivilTime(scenario.start, in: scenario.timeZone).iso8601)))
        fields.append(.init(.timezone, .string(scenario.timeZoneName)))
        return fields
    }

    /// Before the call, the clock reads 0 and no verb is the cause.
    private static func emit<Sink>(
        _ name: TraceEvent.Name, _ fields: @autoclosure () -> [TraceEvent.Field], _ output: SinkBox<Sink>
    ) {
        guard output.sink.wantsFields else { return output.sink.emit(bare: name, at: 0) }
        output.sink.emit(TraceEvent(time: 0, name: name, file: nil, line: nil, fields: fields()))
    }
}
