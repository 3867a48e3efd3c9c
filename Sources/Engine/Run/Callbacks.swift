import Diagnostics
import Foundation
import Language

/// A status callback: where, how, what (`Client statusCallback`,
/// `Stream statusCallback`).
public struct StatusCallback: Sendable {
    public let url: String
    public let method: HTTPMethod
    public let parameters: [(String, String)]
}

/// Delivers status callbacks (the Fetching target does it over HTTP). A
/// failure is reported in the trace and never changes the call.
public protocol CallbackSender: Sendable {
    /// Nil when delivered; otherwise why not, in words for the trace.
    func send(_ callback: StatusCallback) -> String?
}

extension CallRun {
    /// Puts the callback in the trace, and sends it when the engine has a
    /// sender (`connexml run` does; tests and `connexml test` do not).
    mutating func notify(
        _ written: String, method: HTTPMethod, event: String, _ parameters: [(String, String)], at position: SourcePosition
    ) {
        // A relative callback goes to the server of the document that
        // names it, as hand-overs do (in a local file it stays as written,
        // and `check` warns of it).
        let url = script.isFetched ? URLText.resolved(written, against: script.file) : written
        let callback = StatusCallback(url: url, method: method, parameters: parameters)
        emit(
            .callback, at: position,
            [
                .init(.url, .string(url)), .init(.method, .string(method.rawValue)),
                .init(.event, .string(event)),
            ])
        if let sender = engine.callbacks, let failure = sender.send(callback) {
            emit(.callbackError, at: position, [.init(.url, .string(url)), .init(.message, .string(failure))])
        }
    }
}

/// What a `<Client>` asked to be told, resolved for one dial.
struct ClientCallbacks {
    let url: String
    let method: HTTPMethod
    let events: Set<Client.Event>
}
