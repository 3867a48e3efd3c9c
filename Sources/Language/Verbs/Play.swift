import Diagnostics
import XMLParsing

/// `<Play loop="1">ivr/welcome.wav</Play>`: plays an audio file: a built-in
/// sound (`ivr/…`), a user upload (`user/…`) or a remote `http(s)://` URL.
public struct Play: Sendable {
    public let file: Setting<String>
    /// 1–100, default 1.
    public let loop: Setting<Int>
    public let position: SourcePosition

    public static let loopKind = ValueKind<Int>.integer(1...100, unit: "times")
    public static let fileKind = ValueKind<String>(
        expected: "a built-in sound (ivr/…), an upload (user/…) or an http(s):// URL"
    ) { text in
        let length = text.utf8.count
        let ok = (text.hasPrefix("ivr/") || text.hasPrefix("user/")) && length > 5
            || (text.hasPrefix("http://") || text.hasPrefix("https://")) && length > 8
        return ok && !text.utf8.contains(where: ASCII.isSpace) ? text : nil
    }
}

extension Play: VerbSyntax {
    static let elementName = "Play"

    static func check(_ element: Element, in scope: Scope, _ checker: inout Checker) -> Verb? {
        checkPrompt(element, &checker).map { .play($0) }
    }

    /// Also used for `Play` as a noun of `Gather`.
    static func checkPrompt(_ element: Element, _ checker: inout Checker) -> Play? {
        var attributes = AttributeReader(element)
        let loop = attributes.value("loop", loopKind, default: 1, &checker)
        attributes.foreign(["digits"], dialect: .twiml, &checker)
        attributes.finish(&checker)
        guard let text = checker.expectText(element, required: "the audio file to play"),
              let file = checker.setting(text, fileKind, of: element, what: "audio file") else { return nil }
        return Play(file: file, loop: loop, position: element.position)
    }
}
