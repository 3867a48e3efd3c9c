import Diagnostics
import Language
import Policy

/// `<Dial><Barge>`: the policy decides (flag, group, target call, whisper
/// and commands); the trace states who hears whom on joining and after every
/// key. Keys while barging, as FreeSWITCH's eavesdrop reads them: 2 talk
/// to the barged channel (A), 1 to the other half of the call (B), 3 to
/// both, 0 back to listening only, * leave; any other key is traced with
/// no effect. Keys that make the barger heard need the whisper flag.
extension CallRun {
    mutating func runBarge(_ barge: Barge, options: Options, identityDenial: Decision?, at position: SourcePosition)
        -> Flow
    {
        let group = barge.group.map { expand($0, at: position) }
        guard let whisper = resolve(barge.whisper, "whisper", at: position),
            let bridge = resolve(barge.bridge, "bridge", at: position),
            let commands = resolve(barge.commands, "commands", at: position)
        else { return .next }
        emit(.dial, at: position, [.init(.target, .string(group ?? "")), .init(.kind, .string("barge"))] + options.fields)
        let request = BargeRequest(
            group: group, whisper: Self.legs(whisper), whisperIsExplicit: barge.whisper.isExplicit,
            bridge: Self.legs(bridge), commands: commands, commandsIsExplicit: barge.commands.isExplicit,
            targetCall: scenario.bargeTarget)
        if let identityDenial { return failDial(identityDenial, at: position, target: group) }
        let result = policy.mayBarge(request, caller: caller, calls: scenario.callsInProgress)
        guard let grant = result.grant else {
            // Already a barge decision: action=barge.
            deny(result.decision, at: position, outcome: Dial.Outcome.denied)
            finishDial(.failed, at: position, [], denied: true)
            return .next
        }

        hangUpForNewDial(at: position)
        var heardBy = grant.heardBy
        let joined = clock.elapsed
        emitBarge(grant, heardBy: heardBy, notes: result.decision.notes, at: position)
        var keyTime = joined
        var left = false
        while !left, let key = pendingKey, key.leg == .a {
            let when = key.at ?? keyTime + 1
            guard when <= joined + scenario.bargeTalk else { break }
            takeKey()
            clock.elapsed = max(clock.elapsed, when)
            keyTime = clock.elapsed
            for character in key.digits where !left {
                guard grant.commands else {
                    emit(
                        .key, at: position,
                        [.init(.digits, .string(String(character))), .init(.effect, .string("none: no commands"))])
                    continue
                }
                let wanted: LegSet?
                switch character {
                case "0": wanted = LegSet.none
                case "2": wanted = .a  // the barged channel
                case "1": wanted = .b  // the other half of the call
                case "3": wanted = .ab
                case "*":
                    left = true
                    wanted = nil
                default: wanted = nil
                }
                if left {
                    emit(.bargeLeave, at: position, [.init(.key, .string("*"))])
                    break
                }
                guard let wanted else {
                    emit(.key, at: position, [.init(.digits, .string(String(character))), .init(.effect, .string("none"))])
                    continue
                }
                if !wanted.isEmpty {
                    let decision = policy.mayUse(.whisper, caller: caller)
                    guard decision.isAllowed else {
                        deny(decision, at: position, as: "barge_key", target: String(character))
                        continue
                    }
                }
                heardBy = wanted
                emitBarge(grant, heardBy: heardBy, notes: ["key \(character)"], at: position)
            }
        }
        if !left { clock.elapsed = max(clock.elapsed, joined + scenario.bargeTalk) }
        let talked = clock.elapsed - joined
        finishDial(.completed, at: position, [.init(.talk, .number(talked))])
        return .next
    }

    private mutating func emitBarge(
        _ grant: BargeGrant, heardBy: LegSet, notes: @autoclosure () -> [String], at position: SourcePosition
    ) {
        emit(.barge, at: position, Self.bargeFields(grant, heardBy: heardBy, notes: notes()))
    }

    /// The `barge` event's fields, built only for a sink that wants them.
    private static func bargeFields(_ grant: BargeGrant, heardBy: LegSet, notes: [String]) -> [TraceEvent.Field] {
        var fields: [TraceEvent.Field] = [
            .init(.call, .string(grant.call ?? "")), .init(.hears, .list(grant.hears.legs)),
            .init(.heardBy, .list(heardBy.legs)), .init(.commands, .bool(grant.commands)),
        ]
        if !notes.isEmpty { fields.append(.init(.notes, .list(notes))) }
        return fields
    }

    static func legs(_ legs: Barge.Legs) -> LegSet {
        switch legs {
        case .a: .a
        case .b: .b
        case .ab: .ab
        }
    }
}
