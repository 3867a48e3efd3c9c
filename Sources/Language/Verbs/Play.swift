import Diagnostics
import XMLParsing

/// `<Play loop="1">ivr/welcome.wav</Play>`: plays an audio file: a stock
/// sound in one of the switch's sound folders (`ivr/…`, `voicemail/…`,
/// `digits/…`, …), a user upload (`user/…`), a remote `http(s)://` URL, or
/// — TwiML's way — a URL relative to the document's.
public struct Play: Sendable {
    public let file: Setting<String>
    /// 1–100, default 1.
    public let loop: Setting<Int>
    public let position: SourcePosition

    public static let loopKind = ValueKind<Int>.integer(1...100, unit: "times").explaining(Say.twimlLoopForever)
    public static let fileKind = ValueKind<String>(
        expected: "a sound as folder/name (ivr/…, voicemail/…, user/… for uploads), an http(s):// URL or a relative URL",
        parse: { AudioReference(classifying: $0) == nil ? nil : $0 }
    ).explaining { text in
        guard let scheme = URLText.scheme(of: text), !URLText.isWeb(text) else { return nil }
        return "'\(scheme):' audio cannot be played: only http(s) URLs, sound folders and relative URLs"
    }
}

/// What the text of `<Play>` (or `<Queue music>`) points at.
public enum AudioReference: Sendable, Equatable {
    /// `http(s)://…`, the scheme in any case.
    case remote
    /// `folder/name.wav`: a stock sound (`ivr/`, `voicemail/`, `digits/`,
    /// `misc/`, `conference/`, …) or an upload (`user/`).
    case sound
    /// A bare file name (`greeting.wav`), `/path` or `./…`: a URL relative
    /// to the document's, as TwiML reads it.
    case relativeURL

    /// Nil when `text` is none of these: empty, with white space, or of
    /// another scheme.
    public init?(classifying text: String) {
        guard !text.isEmpty, !text.withUTF8Bytes({ $0.contains(where: ASCII.isSpace) }) else { return nil }
        if URLText.scheme(of: text) != nil {
            guard URLText.isWeb(text) else { return nil }
            self = .remote
            return
        }
        // By byte when all ASCII, where each byte is a Character (this
        // runs for every <Play> of every script); the same reading of
        // Characters otherwise.
        let ascii: AudioReference?? = text.withUTF8Bytes { bytes in
            bytes.allSatisfy { $0 < 0x80 } ? .some(Self.classify(path: bytes, slash: 0x2F /* / */, dot: 0x2E /* . */)) : .none
        }
        guard let path = ascii ?? Self.classify(path: text, slash: "/", dot: ".") else { return nil }
        self = path
    }

    /// `folder/…/name` is a sound (nil without a name: `ivr/` is a folder);
    /// one segment, or a first one that is empty, `.` or `..`, a relative URL.
    private static func classify<Path: BidirectionalCollection>(
        path: Path, slash: Path.Element, dot: Path.Element
    ) -> AudioReference? where Path.Element: Equatable {
        guard let firstSlash = path.firstIndex(of: slash) else { return .relativeURL }
        let folder = path[..<firstSlash]
        if folder.isEmpty || folder.elementsEqual(CollectionOfOne(dot)) || folder.elementsEqual([dot, dot]) {
            return .relativeURL
        }
        let lastSlash = path.lastIndex(of: slash) ?? firstSlash
        return path.index(after: lastSlash) == path.endIndex ? nil : .sound
    }
}

extension Play: VerbDefinition, VerbSyntax {
    public static let elementName = "Play"

    /// TwiML's attributes here, ignored. Made once: as a literal in
    /// `check`, the list was built and destroyed for every element.
    static let twimlAttributes = ["digits"]

    static func check(_ element: Element, in scope: Scope, _ checker: inout Checker) -> Verb? {
        checkPrompt(element, &checker).map { .play($0) }
    }

    /// Also used for `Play` as a noun of `Gather`.
    static func checkPrompt(_ element: Element, _ checker: inout Checker) -> Play? {
        var attributes = AttributeReader(element)
        let loop = attributes.value("loop", loopKind, default: 1, about: "how many times the file is played", &checker)
        attributes.foreign(twimlAttributes, dialect: .twiml, &checker)
        attributes.finish(&checker)
        guard let file = checker.expectText(element, required: "the audio file to play", as: fileKind, what: "audio file") else {
            return nil
        }
        if let literal = file.fixedValue {
            checker.noteRelativeAudio(literal, in: "<Play>", at: element.firstText?.position ?? element.position)
        }
        return Play(file: file, loop: loop, position: element.position)
    }
}

extension Checker {
    /// A relative audio URL in a local file: the platform fetches it from
    /// beside the URL it fetched the document from, which a local file
    /// does not have. (In a fetched document it is what TwiML does.)
    mutating func noteRelativeAudio(_ file: String, in what: String, at position: SourcePosition) {
        guard !documentIsFetched, AudioReference(classifying: file) == .relativeURL else { return }
        warning(
            .relativeURL, "'\(file)' in \(what) is a URL relative to the document's, not a sound folder", at: position,
            hint:
                "the platform fetches it from where it fetched this document; to be sure, write a sound folder (ivr/\(file.split(separator: "/").last ?? "")) or an https:// URL"
        )
    }
}

extension Play {
    static let reference = ElementReference(
        summary: "Plays an audio file to the caller; also a prompt inside `<Gather>`.",
        run:
            "Plays the file `loop` times: as long as the scenario's `audio:` says it lasts, else a default length. A relative name in a fetched document is resolved against the document's URL. A bound `<Press>` key cuts it short, and inside `<Gather>` the first key does.",
        checks: [
            "A bare file name (`greeting.wav`) in a local file: warning `relative-url` (a URL relative to the document's, which a local file has not)."
        ])
}
