import Diagnostics
import Language
import Policy

/// `<Enqueue>` and `<Start><Stream>`: features a profile flag gates.
extension CallRun {
    mutating func visit(_ enqueue: Enqueue) -> Flow {
        // Its one attribute, a template of free text: nothing can make it invalid.
        let enqueue = Enqueue.Resolved(position: enqueue.position, queue: expand(enqueue.queue, at: enqueue.position))
        let decision = policy.mayUse(.queue, caller: caller)
        guard decision.isAllowed else {
            deny(decision, at: enqueue.position, as: "enqueue", target: enqueue.queue)
            return .next
        }
        emit(.enqueue, at: enqueue.position, [.init(.queue, .string(enqueue.queue))])
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
            guard let stream = resolved(stream) else { continue }
            emit(.stream, at: stream.position, Self.streamFields(stream))
            if let callback = stream.statusCallback {
                notify(
                    callback, method: stream.statusCallbackMethod, event: "stream-started",
                    [("CallSid", variables["CallSid"]!), ("StreamUrl", stream.url), ("StreamEvent", "stream-started")],
                    at: stream.position)
            }
        }
        return .next
    }

    /// The `stream` event's fields, built only for a sink that wants them.
    private static func streamFields(_ stream: Stream.Resolved) -> [TraceEvent.Field] {
        var fields: [TraceEvent.Field] = [
            .init(.url, .string(stream.url)), .init(.mixType, .string(stream.mixType.rawValue)),
        ]
        if !stream.parameters.isEmpty {
            fields.append(.init(.parameters, .object(stream.parameters.map { .init(.named($0.name), .string($0.value)) })))
        }
        return fields
    }

    /// Every attribute first, then its parameters: a stream whose template
    /// expands to something invalid is skipped whole, as the error says.
    private mutating func resolved(_ stream: Stream) -> Stream.Resolved? {
        guard let url = resolve(stream.url, "url", at: stream.position),
            let mix = resolve(stream.mixType, "mix_type", at: stream.position),
            let callback = resolveIfPresent(stream.statusCallback, "statusCallback", at: stream.position),
            let method = resolve(stream.statusCallbackMethod, "statusCallbackMethod", at: stream.position)
        else { return nil }
        var parameters: [(name: String, value: String)] = []
        for parameter in stream.parameters {
            parameters.append((expand(parameter.name, at: parameter.position), expand(parameter.value, at: parameter.position)))
        }
        return Stream.Resolved(
            position: stream.position, url: url, mixType: mix, statusCallback: callback, statusCallbackMethod: method,
            parameters: parameters)
    }
}

extension Enqueue {
    /// An `<Enqueue>` for one call: its queue's name, expanded once (the
    /// policy's denial and the trace both name it).
    struct Resolved {
        let position: SourcePosition
        let queue: String
    }
}

extension Stream {
    /// A `<Stream>` for one call: every attribute and parameter resolved
    /// once, for its event and its status callback.
    struct Resolved {
        let position: SourcePosition
        let url: String
        let mixType: MixType
        let statusCallback: String?
        let statusCallbackMethod: HTTPMethod
        let parameters: [(name: String, value: String)]
    }
}
