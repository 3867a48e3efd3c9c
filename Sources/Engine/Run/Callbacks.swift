import Diagnostics
import Foundation
import Language

/// A status callback the call asks for (`Client statusCallback`, `Stream
/// statusCallback`): where, how, what. The engine only decides it; it
/// travels on its `callback` event (`TraceEvent.callback`), and the driver
/// sends it as the event passes (`CallDriver` in Fetching).
public struct CallbackRequest: Sendable, Equatable {
    public let url: String
    public let method: HTTPMethod
    /// The form parameters, in order (TwiML style).
    public let parameters: [(String, String)]

    public static func == (a: CallbackRequest, b: CallbackRequest) -> Bool {
        a.url == b.url && a.method == b.method && a.parameters.elementsEqual(b.parameters) { $0 == $1 }
    }
}

extension TraceEvent {
    /// What a driver says after a `callback` event whose request it could
    /// not deliver: at the same moment, caused by the same verb. A failed
    /// callback never changes the call.
    public static func callbackError(after callback: TraceEvent, message: String) -> TraceEvent {
        var url = callback.callback?.url ?? ""
        if url.isEmpty, case .string(let written)? = callback[.url] { url = written }
        return TraceEvent(
            time: callback.time, name: .callbackError, file: callback.file, line: callback.line,
            fields: [.init(.url, .string(url)), .init(.message, .string(message))])
    }
}

extension CallRun {
    /// Asks for a status callback: its `callback` event carries the request
    /// for the driver to send (`connexml run` does; tests and `connexml
    /// test` only trace it).
    mutating func notify(
        _ written: String, method: HTTPMethod, event: String, _ parameters: [(String, String)], at position: SourcePosition
    ) {
        // A relative callback goes to the server of the document that
        // names it, as hand-overs do (in a local file it stays as written,
        // and `check` warns of it).
        let url = script.isFetched ? URLText.resolved(written, against: script.file) : written
        let fields: [TraceEvent.Field] =
            output.sink.wantsFields
            ? [.init(.url, .string(url)), .init(.method, .string(method.rawValue)), .init(.event, .string(event))] : []
        // Built here rather than by `emit`, to carry the request (even to a
        // sink that wants no fields: the driver's sender still needs it).
        let request = TraceEvent(
            time: clock.elapsed, name: .callback, file: script.file, line: position.line, fields: fields,
            callback: CallbackRequest(url: url, method: method, parameters: parameters))
        // Never held in practice (only a Gather's prompts are resolved
        // ahead, and they ask for no callback), but kept in order if so.
        if holding { output.held!.append(request) } else { output.sink.emit(request) }
    }
}

/// What a `<Client>` asked to be told, resolved for one dial.
struct ClientCallbacks {
    let url: String
    let method: HTTPMethod
    let events: Set<Client.Event>
}
