import Diagnostics
import Language
import Policy

/// `<Enqueue>` and `<Start><Stream>`: features a profile flag gates.
extension CallRun {
    mutating func visit(_ enqueue: Enqueue) -> Flow {
        let queue = expand(enqueue.queue, at: enqueue.position)
        let decision = policy.mayUse(.queue, caller: caller)
        guard decision.isAllowed else {
            deny(decision, at: enqueue.position, as: "enqueue", target: queue)
            return .next
        }
        emit(.enqueue, at: enqueue.position, [.init(.queue, .string(queue))])
        return .next
    }

    mutating func visit(_ start: Start) -> Flow {
        let decision = policy.mayUse(.stream, caller: caller)
        guard decision.isAllowed else {
            let target = start.streams.first.map { textForTrace($0.url) }
            deny(decision, at: start.position, as: "stream", target: target)
            return .next
        }
        for stream in start.streams {
            // Every attribute first: a stream whose template expands to
            // something invalid is skipped whole, as the error says.
            guard let url = resolve(stream.url, "url", at: stream.position),
                let mix = resolve(stream.mixType, "mix_type", at: stream.position),
                let callback = resolveIfPresent(stream.statusCallback, "statusCallback", at: stream.position),
                let method = resolve(stream.statusCallbackMethod, "statusCallbackMethod", at: stream.position)
            else { continue }
            var fields: [TraceEvent.Field] = [.init(.url, .string(url)), .init(.mixType, .string(mix.rawValue))]
            var parameters: [TraceEvent.Field] = []
            for parameter in stream.parameters {
                parameters.append(
                    .init(
                        .named(expand(parameter.name, at: parameter.position)),
                        .string(expand(parameter.value, at: parameter.position))))
            }
            if !parameters.isEmpty { fields.append(.init(.parameters, .object(parameters))) }
            emit(.stream, at: stream.position, fields)
            if let callback {
                notify(
                    callback, method: method, event: "stream-started",
                    [("CallSid", variables["CallSid"]!), ("StreamUrl", url), ("StreamEvent", "stream-started")],
                    at: stream.position)
            }
        }
        return .next
    }
}
