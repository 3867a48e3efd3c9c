import Engine

/// Delivers status callbacks (`HTTPFetcher` over HTTP). A failure is
/// reported in the trace and never changes the call.
public protocol CallbackSender: Sendable {
    func send(_ request: CallbackRequest) throws(HTTPFailure)
}

/// Sends each status callback as its `callback` event passes on the way to
/// `inner`, and reports one that fails with a `callback.error` right after
/// it (same moment, same verb): the engine decides, this performs.
struct CallbackSendingSink<Inner: TraceSink>: TraceSink {
    var inner: Inner
    let sender: any CallbackSender

    var wantsFields: Bool { inner.wantsFields }

    mutating func emit(_ event: TraceEvent) {
        inner.emit(event)
        guard let request = event.callback else { return }
        do {
            try sender.send(request)
        } catch {
            inner.emit(.callbackError(after: event, message: error.message))
        }
    }
}
