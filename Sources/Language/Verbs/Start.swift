import Diagnostics
import XMLParsing

/// `<Start><Stream url="wss://…"/></Start>`: starts streaming the call's
/// audio to a WebSocket server while the script goes on.
public struct Start: Sendable {
    public let streams: [Stream]
    public let position: SourcePosition
}

/// `<Stream url="wss://…" mix_type="mono">` with `<Parameter>` children.
public struct Stream: Sendable {
    public enum MixType: String, Sendable, CaseIterable {
        case mono, mixed, stereo
    }

    public struct Parameter: Sendable {
        public let name: Template
        public let value: Template
        public let position: SourcePosition
    }

    public let url: Setting<String>
    public let statusCallback: Setting<String>?
    /// Default `POST`.
    public let statusCallbackMethod: Setting<HTTPMethod>
    /// Default `mono`.
    public let mixType: Setting<MixType>
    public let parameters: [Parameter]
    public let position: SourcePosition
}

extension Start: VerbDefinition, VerbSyntax {
    public static let elementName = "Start"

    static func check(_ element: Element, in scope: Scope, _ checker: inout Checker) -> Verb? {
        AttributeReader(element).finish(&checker)
        var streams: [Stream] = []
        checker.forEachChild(of: element, allowing: [Stream.elementName]) { e, checker in
            if let stream = Stream.check(e, &checker) { streams.append(stream) }
        }
        if streams.isEmpty, !element.childElements.contains(where: { $0.name == Stream.elementName }) {
            checker.error(
                .missingChild, "<Start> needs a <Stream>", at: element.position,
                hint: "write <Start><Stream url=\"wss://…\"/></Start>")
        }
        return .start(Start(streams: streams, position: element.position))
    }
}

extension Stream {
    /// TwiML's attributes here, ignored. Made once: as a literal in
    /// `check`, the list was built and destroyed for every element.
    static let twimlAttributes = ["name", "track"]

    static func check(_ element: Element, _ checker: inout Checker) -> Stream? {
        var attributes = AttributeReader(element)
        let url = attributes.required("url", .webSocketURL, about: "the WebSocket server the audio goes to", &checker)
        let callback = attributes.optional(
            "statusCallback", Client.callbackKind,
            about: "told when the stream starts (stream-started)", &checker)
        let method = attributes.value(
            "statusCallbackMethod", HTTPMethod.choiceKind, default: HTTPMethod.POST,
            about: "how statusCallback is requested", &checker)
        let mix = attributes.value(
            "mix_type", MixType.choiceKind, default: MixType.mono,
            about: "how the legs' audio is put into the stream", &checker)
        attributes.foreign(twimlAttributes, dialect: .twiml, &checker)
        attributes.finish(&checker)
        if let url = callback?.fixedValue, let at = element.attributeValue("statusCallback")?.position {
            checker.noteRelativeCallback(url, on: "<Stream>", at: at)
        }
        var parameters: [Parameter] = []
        checker.forEachChild(of: element, allowing: [Parameter.elementName]) { e, checker in
            var p = AttributeReader(e)
            let name = p.template("name", required: "", about: "the parameter's name", &checker)
            let value = p.template("value", about: "its value; empty when absent", &checker) ?? Template(literal: "")
            p.finish(&checker)
            checker.expectEmpty(e)
            if let name { parameters.append(Parameter(name: name, value: value, position: e.position)) }
        }
        guard let url else { return nil }
        return Stream(
            url: url, statusCallback: callback, statusCallbackMethod: method, mixType: mix,
            parameters: parameters, position: element.position)
    }
}

/// The codes this file emits (their meanings for users: ScriptDiagnostics).
extension DiagnosticCode {
    /// A required child is missing.
    static let missingChild: DiagnosticCode = "missing-child"
}

extension Start {
    static let reference = ElementReference(
        summary: "Starts streaming the call's audio to a WebSocket server (`<Stream>`) while the script goes on.",
        run:
            "Needs the caller's profile to allow streams (else denied, and the script goes on). Each `<Stream>` is traced with its URL, mix and parameters, and its `statusCallback` is told `stream-started`; a stream whose templates expand to an invalid value is skipped.",
        checks: ["A `<Start>` without `<Stream>`: error `missing-child`."])
}

extension Stream: ElementDocumentation {
    static let elementName = "Stream"
    static let reference = ElementReference(
        summary: "One audio stream of `<Start>`: where it goes and how.",
        run: "See `<Start>`.",
        checks: ["A relative `statusCallback` in a local file: warning `relative-url`."])
}

extension Stream.Parameter: ElementDocumentation {
    static let elementName = "Parameter"
    static let reference = ElementReference(
        summary: "A name and value sent to the stream's server when it starts.",
        run: "Both are expanded and sent with the stream (in the trace, its `parameters`).")
}

extension Stream.MixType {
    /// `.choice` made once: it allocates its rules each time it is asked
    /// for, and the checker reads this attribute on every element that has it.
    static let choiceKind = ValueKind<Stream.MixType>.choice
}
