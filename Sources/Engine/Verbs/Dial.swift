import Diagnostics
import Language
import Policy

/// `<Dial>`: policy first (every destination after templates), then how the
/// destination answers (the scenario's `answers`), the talk, and keys during
/// it (`hangupOnStar`, `Press` bindings). A denied or failed dial sets
/// `DialCallStatus` and the script goes on with the next verb.
extension CallRun {
    enum DialStatus: String {
        case completed, busy, failed, canceled
        case noAnswer = "no-answer"

        /// The branch of the Dial it is, for coverage and the graph.
        var outcome: VerbOutcome {
            switch self {
            case .completed: Dial.Outcome.completed
            case .busy: Dial.Outcome.busy
            case .failed: Dial.Outcome.failed
            case .canceled: Dial.Outcome.canceled
            case .noAnswer: Dial.Outcome.noAnswer
            }
        }
    }

    /// What the `dial` event says of the Dial's settings, kept as values: the
    /// fields are built only for a sink that wants them.
    struct Options {
        let timeout: Int
        let ringTone: String
        let hangupOnStar: Bool
        let hangupOnStarContext: String?
        /// callerId, fromDisplayName, as given.
        var identity: [(TraceEvent.Key, String)] = []
        /// The SIP headers `Set` left for this INVITE.
        var headers: [(String, String)] = []
        // What one kind of destination adds.
        var pickup = false
        var music: String?
        var inbox: Bool?
        var appId: String?

        /// In the trace's order: the settings, the identity, the headers,
        /// then the destination's own.
        var fields: [TraceEvent.Field] {
            var fields: [TraceEvent.Field] = [.init(.timeout, .number(Double(timeout))), .init(.ringTone, .string(ringTone))]
            if hangupOnStar { fields.append(.init(.hangupOnStar, .bool(true))) }
            if let hangupOnStarContext { fields.append(.init(.hangupOnStarContext, .string(hangupOnStarContext))) }
            for (key, value) in identity { fields.append(.init(key, .string(value))) }
            if !headers.isEmpty { fields.append(.init(.headers, .object(headers.map { .init(.named($0.0), .string($0.1)) }))) }
            if pickup { fields.append(.init(.action, .string("pickup"))) }
            if let music { fields.append(.init(.music, .string(music))) }
            if let inbox { fields.append(.init(.inbox, .bool(inbox))) }
            if let appId { fields.append(.init(.appId, .string(appId))) }
            return fields
        }
    }

    /// A connected Dial: where it is, and when its talk began.
    struct Conversation {
        let id: Int
        let position: SourcePosition
        let started: Double
    }

    /// The Dial's attributes for this call, templates expanded once: every
    /// effect below uses these, never the attributes as written.
    struct Settings {
        let timeout: Int
        let hangupOnStar: Bool
        let hangupOnStarContext: String?
    }

    mutating func visit(_ dial: Dial) -> Flow {
        let at = dial.position
        guard let timeout = resolve(dial.timeout, "timeout", at: at),
            let ringTone = resolve(dial.ringTone, "ringTone", at: at),
            let hangupOnStar = resolve(dial.hangupOnStar, "hangupOnStar", at: at)
        else { return .next }
        guard let starContext = resolveIfPresent(dial.hangupOnStarContext, "hangupOnStarContext", at: at) else { return .next }
        let settings = Settings(timeout: timeout, hangupOnStar: hangupOnStar, hangupOnStarContext: starContext)
        var options = Options(
            timeout: timeout, ringTone: ringTone.rawValue, hangupOnStar: hangupOnStar, hangupOnStarContext: starContext)

        // Presenting another identity needs the caller_id flag (checked
        // once the dial is in the trace). An identity whose template
        // expands to something invalid skips the whole verb, as the error
        // event says: the callee must never see an identity nobody checked.
        // (Each read in place: a list of the two was built, and freed, at
        // every Dial of every call.)
        var identity: Decision?
        if let setting = dial.callerId {
            guard let value = resolveIfPresent(setting, TraceEvent.Key.callerId.name, at: at) else { return .next }
            if let value {
                identity = policy.mayUse(.callerId, caller: caller)
                options.identity.append((.callerId, value))
            }
        }
        if let setting = dial.fromDisplayName {
            guard let value = resolveIfPresent(setting, TraceEvent.Key.fromDisplayName.name, at: at) else { return .next }
            if let value {
                identity = policy.mayUse(.callerId, caller: caller)
                options.identity.append((.fromDisplayName, value))
            }
        }
        let identityDenial = identity.flatMap { $0.isAllowed ? nil : $0 }
        options.headers = pendingHeaders

        // The documentation shows one destination per Dial; TwiML would
        // ring several at once. The first is dialled, and the trace says so.
        for ignored in dial.ignoredDestinations {
            emit(
                .note, at: at,
                [.init(.message, .string("only the first destination is dialled: the one at line \(ignored.line) is not"))])
        }
        switch dial.destination {
        case .number(let number):
            guard let target = resolve(number.number, "number", at: at) else { return .next }
            return connect(
                target, kind: "number", options, decision: identityDenial ?? policy.mayDial(target, caller: caller),
                settings, at: at)
        case .client(let client):
            let target = expand(client.username, at: at)
            guard let url = resolveIfPresent(client.statusCallback, "statusCallback", at: at),
                let method = resolve(client.statusCallbackMethod, "statusCallbackMethod", at: at),
                let events = resolveIfPresent(client.statusCallbackEvents, "statusCallbackEvent", at: at)
            else { return .next }
            // Without statusCallbackEvent nothing is sent: the documented default is none.
            let asked = Set(events ?? Client.defaultStatusCallbackEvents)
            let callbacks = url.flatMap { asked.isEmpty ? nil : ClientCallbacks(url: $0, method: method, events: asked) }
            return connect(
                target, kind: "client", options, decision: identityDenial ?? policy.mayDialClient(target, caller: caller),
                settings, at: at, callbacks: callbacks)
        case .queue(let queue):
            let target = expand(queue.queue, at: at)
            guard let action = resolveIfPresent(queue.action, "action", at: at),
                let music = resolveIfPresent(queue.music, "music", at: at)
            else { return .next }
            let pickup = action == .pickup
            options.pickup = pickup
            options.music = music
            let decision = policy.mayUse(pickup ? .queuePickup : .queue, caller: caller)
            return connect(
                target, kind: "queue", options, decision: identityDenial ?? decision, settings, at: at, answersByDefault: true)
        case .conference(let conference):
            let target = expand(conference.room, at: at)
            // A conference is left with its own controls: `*` hangs
            // nobody up there (the checker warns of it too).
            let inRoom = Settings(timeout: timeout, hangupOnStar: false, hangupOnStarContext: nil)
            return connect(
                target, kind: "conference", options, decision: identityDenial ?? policy.mayUse(.conference, caller: caller),
                inRoom, at: at, answersByDefault: true)
        case .voicemail(let voicemail):
            let user = voicemail.user.map { expand($0, at: at) }
            guard let inbox = resolve(voicemail.inbox, "inbox", at: at) else { return .next }
            options.inbox = inbox
            // Leaving a message goes to the dialled number's mailbox; the
            // inbox is the caller's own.
            let target = user ?? (inbox ? caller.identity : scenario.to)
            return connect(
                target, kind: "voicemail", options, decision: identityDenial ?? policy.mayUseVoicemail(of: user, caller: caller),
                settings, at: at, answersByDefault: true)
        case .llmAgent(let agent):
            let target = expand(agent.agent, at: at)
            options.appId = agent.appId.map { expand($0, at: at) }
            return connect(
                target, kind: "llm_agent", options, decision: identityDenial ?? policy.mayUse(.llmAgent, caller: caller),
                settings, at: at, answersByDefault: true)
        case .barge(let barge):
            return runBarge(barge, options: options, identityDenial: identityDenial, at: at)
        }
    }

    /// A dial policy refused: the denial, then `failed`.
    mutating func failDial(_ decision: Decision, at position: SourcePosition, target: String? = nil) -> Flow {
        deny(decision, at: position, as: "dial", target: target, outcome: Dial.Outcome.denied)
        finishDial(.failed, at: position, [], denied: true)
        return .next
    }

    /// `denied`: after a denial, which is the Dial's outcome (its status is
    /// `failed` all the same).
    /// `extra`: built only for a sink that wants fields (read the call's
    /// state into locals for it first).
    mutating func finishDial(
        _ status: DialStatus, at position: SourcePosition, _ extra: @autoclosure () -> [TraceEvent.Field],
        denied: Bool = false
    ) {
        variables.set("DialCallStatus", to: status.rawValue)
        emit(
            .dialResult, at: position, [.init(.status, .string(status.rawValue))] + extra(),
            outcome: denied ? nil : status.outcome)
        pendingHeaders.removeAll()
    }

    private mutating func connect(
        _ target: String, kind: String, _ options: Options, decision: Decision,
        _ settings: Settings, at position: SourcePosition, answersByDefault: Bool = false,
        callbacks: ClientCallbacks? = nil
    ) -> Flow {
        emit(.dial, at: position, [.init(.target, .string(target)), .init(.kind, .string(kind))] + options.fields)
        guard decision.isAllowed else { return failDial(decision, at: position, target: target) }
        hangUpForNewDial(at: position)
        // The Client's status callbacks, for the events it asked for.
        func tell(_ run: inout CallRun, _ event: Client.Event, _ status: String) {
            guard let callbacks, callbacks.events.contains(event) else { return }
            run.notify(
                callbacks.url, method: callbacks.method, event: event.rawValue,
                [
                    ("CallSid", run.variables["CallSid"]!), ("From", run.scenario.from), ("To", target),
                    ("CallStatus", status), ("Direction", "outbound-dial"),
                ], at: position)
        }
        tell(&self, .initiated, "initiated")
        if decision.evidence.emergency {
            emit(.note, at: position, [.init(.message, .string("\(target) is an emergency number: always allowed"))])
        }
        if let at = scenario.hangupAt, at <= clock.elapsed { return callerHangsUp() }
        // Replayed by the REPL: stop here until somebody says how it answers.
        if mode.pauseForInput, scenario.answers[target] == nil, kind == "number" || kind == "client" || kind == "llm_agent" {
            waiting = .answer(target: target, line: position.line)
            return .end(.paused)
        }
        // Numbers, users and agents answer as the scenario says; queues,
        // rooms and mailboxes are the platform's own and always answer.
        let platformAnswer = Answer(status: .answered, talk: 30, ring: 0)
        let answer =
            kind == "voicemail"
            ? platformAnswer
            : scenario.answers[target] ?? (answersByDefault ? platformAnswer : scenario.defaultAnswer)
        switch answer.status {
        case .busy:
            clock.elapsed += 1
            finishDial(.busy, at: position, [])
            tell(&self, .completed, "busy")
        case .failed:
            finishDial(.failed, at: position, [])
            tell(&self, .completed, "failed")
        case .noAnswer:
            tell(&self, .ringing, "ringing")
            clock.elapsed += Double(settings.timeout)
            finishDial(.noAnswer, at: position, [])
            tell(&self, .completed, "no-answer")
        case .answered:
            tell(&self, .ringing, "ringing")
            let ring = min(answer.ring, Double(settings.timeout))
            guard answer.ring <= ring else {
                clock.elapsed += ring
                finishDial(.noAnswer, at: position, [])
                tell(&self, .completed, "no-answer")
                return .next
            }
            if hangsUp(before: clock.elapsed + ring) {
                finishDial(.canceled, at: position, [])
                return callerHangsUp()
            }
            clock.elapsed += ring
            emit(.dialAnswered, at: position, [.init(.target, .string(target))])
            tell(&self, .answered, "in-progress")
            let flow = talk(for: answer.talk, settings, at: position)
            tell(&self, .completed, "completed")
            return flow
        }
        return .next
    }

    /// The connected call: keys the scenario times within the talk may hang
    /// up the callee (`*` with hangupOnStar) or fire `Press` bindings. A
    /// binding that dials again ends this conversation first (see
    /// `hangUpForNewDial`): the caller is never in two at once.
    private mutating func talk(for seconds: Double, _ settings: Settings, at position: SourcePosition) -> Flow {
        let end = clock.elapsed + seconds
        if let at = scenario.hangupAt, at < end, !(pendingKey?.at.map { $0 <= at } ?? false) {
            clock.elapsed = max(clock.elapsed, at)
            let talked = clock.elapsed - (end - seconds)
            finishDial(.completed, at: position, [.init(.talk, .number(talked))])
            return callerHangsUp()
        }
        conversations += 1
        let conversation = Conversation(id: conversations, position: position, started: end - seconds)
        connected = conversation
        defer { if connected?.id == conversation.id { connected = nil } }
        while true {
            let starHangsUp =
                settings.hangupOnStar && (settings.hangupOnStarContext == nil || settings.hangupOnStarContext == context)
            guard
                let outcome = nextKeyOutcome(
                    before: end, inclusive: true,
                    intercept: { digit, leg in
                        starHangsUp && digit == "*" && leg == .a
                    })
            else { break }
            if case .claimed = outcome {
                clock.elapsed = max(clock.elapsed, outcome.time)
                emit(
                    .key, at: position,
                    [
                        .init(.digits, .string("*")), .init(.leg, .string("a")),
                        .init(.effect, .string("hangupOnStar: the callee is hung up")),
                    ])
                let talked = clock.elapsed - (end - seconds)
                finishDial(.completed, at: position, [.init(.talk, .number(talked))])
                return .next
            }
            let flow = perform(outcome, at: position)
            // A binding's Dial ended this conversation: its result is said.
            if connected?.id != conversation.id { return flow }
            if case .next = flow { continue }
            let talked = clock.elapsed - (end - seconds)
            finishDial(.completed, at: position, [.init(.talk, .number(talked))])
            return flow
        }
        clock.elapsed = max(clock.elapsed, end)
        finishDial(.completed, at: position, [.init(.talk, .number(seconds))])
        return .next
    }

    /// A Dial (or Barge) that goes ahead while another Dial's conversation
    /// is connected — a `Press` binding fired during it — first hangs that
    /// one up, as a new bridge replaces the old on the platform: the caller
    /// is never in two conversations at once. A denied Dial changes nothing.
    mutating func hangUpForNewDial(at position: SourcePosition) {
        guard let previous = connected else { return }
        connected = nil
        let talked = clock.elapsed - previous.started
        finishDial(
            .completed, at: previous.position,
            [
                .init(.talk, .number(talked)),
                .init(.note, .string("hung up: the caller dialled again (line \(position.line))")),
            ])
    }
}
