import Language
import TestSupport
import Testing

/// `ValueKind.spaceSeparated` reads words as `split(separator: " ")` of
/// Characters did (the reading `Client.eventsKind` had before, kept here as
/// the oracle), on the documented values, their mutations and random text
/// with combining marks after spaces.
@Suite struct SpaceSeparatedWordsTests {
    enum Event: String, Sendable, CaseIterable {
        case initiated, ringing, answered, completed
    }

    static let kind = ValueKind<[Event]>.spaceSeparated(expected: "events", schema: .text)

    static func characterReading(_ text: String) -> [Event]? {
        let words = text.split(separator: " ")
        let events = words.compactMap { Event(rawValue: String($0)) }
        return !words.isEmpty && events.count == words.count ? events : nil
    }

    @Test func readsAsTheCharacterSplitDid() {
        let seeds = [
            "ringing answered", "completed", "initiated ringing answered completed", "  ringing  ", "", " ", "ringing,answered",
            "Ringing", "ringing\tanswered", "ringing \u{301}answered", "ringing\u{301} answered", "é", "ringing\r\nanswered",
        ]
        let alphabet = [" ", "ringing", "answered", "completed", "initiated", "\u{301}", "\t", "x", "é", "\r\n", ","]
        var random = SeededRandom(default: 20_261_135)
        var texts = seeds
        for _ in 0..<20_000 {
            texts.append((0..<(random.next(below: 6) + 1)).map { _ in alphabet[random.next(below: alphabet.count)] }.joined())
        }
        for text in texts {
            #expect(Self.kind.parse(text) == Self.characterReading(text), "\(text.debugDescription)")
        }
    }

    /// Client's events read with the helper: the same words, message and schema as its own split did.
    @Test func clientEventsReadAsTheSplitDid() {
        #expect(Client.eventsKind.expected == "space-separated events among initiated, ringing, answered, completed")
        #expect(
            Client.eventsKind.schema
                == .pattern("(initiated|ringing|answered|completed)( (initiated|ringing|answered|completed))*"))
        let alphabet = [" ", "ringing", "answered", "completed", "initiated", "\u{301}", "x", "\r\n"]
        var random = SeededRandom(default: 20_261_130)
        for _ in 0..<5_000 {
            let text = (0..<(random.next(below: 6) + 1)).map { _ in alphabet[random.next(below: alphabet.count)] }.joined()
            #expect(
                Client.eventsKind.parse(text)?.map(\.rawValue) == Self.characterReading(text)?.map(\.rawValue),
                "\(text.debugDescription)")
        }
    }
}
