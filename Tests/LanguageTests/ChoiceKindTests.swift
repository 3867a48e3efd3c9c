import Testing

@testable import Language

/// `ValueKind.choice` matches words itself (its rules ask nothing of the
/// enumeration, so the runtime looks no conformance up): it must say,
/// list and accept exactly what the enumeration's raw values and
/// `init(rawValue:)` did. Messages, `explain`, the reference and the XML
/// Schema all read these.
@Suite struct ChoiceKindTests {
    /// A choice type's kind against its enumeration, read the way the old
    /// rules read it.
    static func matchesEnumeration<Value: RawRepresentable & CaseIterable & Equatable & Sendable>(
        _ kind: ValueKind<Value>, _ type: Value.Type, sourceLocation: SourceLocation = #_sourceLocation
    ) where Value.RawValue == String {
        let words = Value.allCases.map(\.rawValue)
        #expect(kind.expected == "one of " + words.joined(separator: ", "), sourceLocation: sourceLocation)
        #expect(kind.schema == .choice(words), sourceLocation: sourceLocation)
        for word in words {
            #expect(kind.parse(word) == Value(rawValue: word), "\(word)", sourceLocation: sourceLocation)
            #expect(kind.parse(word) != nil, "\(word)", sourceLocation: sourceLocation)
        }
        for text in nearMisses(of: words) {
            #expect(kind.parse(text) == Value(rawValue: text), "\(text.debugDescription)", sourceLocation: sourceLocation)
        }
    }

    /// Texts one slip from a word: case, spaces, a byte more or less,
    /// letters that only look alike, the empty text.
    static func nearMisses(of words: [String]) -> [String] {
        var texts = ["", " ", "\u{212A}", "é", "e\u{301}"]
        for word in words {
            texts += [
                word.uppercased(), word.lowercased(), " \(word)", "\(word) ", "\(word)\(word)", String(word.dropLast()),
                word + "\u{301}", word + "\u{0}", String(word.reversed()),
            ]
        }
        return texts
    }

    @Test func everyChoiceTypeSaysListsAndAcceptsItsRawValues() {
        Self.matchesEnumeration(HTTPMethod.choiceKind, HTTPMethod.self)
        Self.matchesEnumeration(Press.Leg.choiceKind, Press.Leg.self)
        Self.matchesEnumeration(Dial.RingTone.choiceKind, Dial.RingTone.self)
        Self.matchesEnumeration(Barge.Legs.choiceKind, Barge.Legs.self)
        Self.matchesEnumeration(QueueNoun.Action.choiceKind, QueueNoun.Action.self)
        Self.matchesEnumeration(Reject.Reason.choiceKind, Reject.Reason.self)
        Self.matchesEnumeration(Stream.MixType.choiceKind, Stream.MixType.self)
    }

    /// The texts as written, not derived: a change of order or spelling
    /// shows here, not only in the generated documents.
    @Test func theWordsAsMessagesPrintThem() {
        #expect(HTTPMethod.choiceKind.expected == "one of GET, POST")
        #expect(Barge.Legs.choiceKind.expected == "one of a, b, ab")
        #expect(Stream.MixType.choiceKind.schema == .choice(["mono", "mixed", "stereo"]))
        #expect(Dial.RingTone.choiceKind.parse("us-old") == .usOld)
        #expect(Dial.RingTone.choiceKind.parse("za") == .za)
        #expect(Dial.RingTone.choiceKind.parse("ZA") == nil)
        #expect(Dial.RingTone.choiceKind.parse("us-") == nil)
    }

    enum Scale: String, Sendable, CaseIterable {
        case kelvin = "K"
        case celsius = "C"
    }

    enum Word: String, Sendable, CaseIterable {
        case cafe = "café"
        case kelvin = "K"
    }

    /// Text beyond ASCII is compared as Strings compare, by canonical
    /// equivalence, as `init(rawValue:)` compares: KELVIN SIGN is K, and
    /// an e with a combining acute is é, whether the words are all ASCII
    /// or not.
    @Test func textBeyondASCIIComparesByCanonicalEquivalence() {
        #expect(ValueKind<Scale>.choice.parse("\u{212A}") == .kelvin)
        #expect(Scale(rawValue: "\u{212A}") == .kelvin)
        #expect(ValueKind<Word>.choice.parse("cafe\u{301}") == .cafe)
        #expect(ValueKind<Word>.choice.parse("\u{212A}") == .kelvin)
        #expect(ValueKind<Word>.choice.parse("cafe") == nil)
        Self.matchesEnumeration(ValueKind<Scale>.choice, Scale.self)
        Self.matchesEnumeration(ValueKind<Word>.choice, Word.self)
    }

    /// Words of 1 to 8 ASCII bytes are found by one integer each; others,
    /// and texts that are not such bytes, as Strings compare. Both ways
    /// answer as `firstIndex(of:)` over the words does.
    @Test func wordsFoundAsStringsCompare() {
        let lists = [
            ["rejected", "busy"], ["a", "b", "ab"], ["us", "us-old"], ["pickup"], ["a-long-word", "short"], ["café", "K"], [],
        ]
        let texts = [
            "", "a", "ab", "ba", "b\u{0}", "a\u{0}", "rejected", "rejectedX", "reject", "busy", "BUSY", "us-old", "us-ol",
            "us-old ", "pickup", "a-long-word", "a-long-wor", "short", "café", "cafe\u{301}", "\u{212A}", "K", "k", "é",
        ]
        for words in lists {
            let choice = ChoiceWords(words)
            #expect(choice.words == words)
            for text in texts {
                #expect(choice.index(of: text) == words.firstIndex(of: text), "\(words) \(text.debugDescription)")
            }
        }
        #expect(ChoiceWords(["K", "C"]).index(of: "\u{212A}") == 0)
        #expect(ChoiceWords(["rejected", "busy"]).index(of: "busy") == 1)
    }
}
