import Policy
import Testing

@Suite struct DialPatternTests {
    func matches(_ pattern: String, _ number: String) throws -> Bool {
        try DialPattern(pattern).matches(number)
    }

    @Test func exactNumbers() throws {
        #expect(try matches("112", "112"))
        #expect(try !matches("112", "1120"))  // whole numbers only
        #expect(try !matches("112", "11"))
        #expect(try matches("+441234567890", "+441234567890"))
        #expect(try !matches("+441234567890", "441234567890"))
        #expect(try matches("*97", "*97"))
    }

    @Test func letters() throws {
        #expect(try matches("_X", "0") && matches("_X", "9"))
        #expect(try !matches("_Z", "0") && matches("_Z", "1") && matches("_Z", "9"))
        #expect(try !matches("_N", "1") && matches("_N", "2") && matches("_N", "9"))
        #expect(try matches("_1XXX", "1234"))
        #expect(try !matches("_1XXX", "123"))  // too short
        #expect(try !matches("_1XXX", "12345"))  // a prefix match is not a match
        #expect(try !matches("_X", "*"))
    }

    @Test func sets() throws {
        #expect(try matches("_[1-5]", "3") && !matches("_[1-5]", "6"))
        #expect(try matches("_[147]", "4") && !matches("_[147]", "5"))
        #expect(try !matches("_[0-35-7]X", "49"))
        #expect(try matches("_[0-35-7]X", "59"))
        #expect(try matches("_[*#]", "#"))
    }

    @Test func dotIsOneOrMoreBangIsZeroOrMore() throws {
        #expect(try matches("_00.", "0044"))
        #expect(try !matches("_00.", "00"))  // '.' needs at least one
        #expect(try matches("_00!", "00"))  // '!' takes none
        #expect(try matches("_00!", "0044"))
        #expect(try !matches("_X.", "5"))  // X, then at least one more
        #expect(try matches("_X.", "55"))
        #expect(try !matches("_X.", ""))
        #expect(try matches("_!", ""))
        #expect(try matches("_.", "+44"))  // '.' takes any character
    }

    @Test func plusIsPartOfTheNumber() throws {
        #expect(try !matches("_X.", "+441234"))
        #expect(try matches("_+X.", "+441234"))
        #expect(try matches("_+44X.", "+441234"))
        #expect(try !matches("_+44X.", "+331234"))
        #expect(try !matches("_+.", "0044"))
    }

    @Test func dotsInTheMiddle() throws {
        #expect(try matches("_1.9", "1239"))
        #expect(try matches("_1.9", "129"))
        #expect(try !matches("_1.9", "19"))
        #expect(try matches("_1!9", "19"))
    }

    @Test func numbersOfSixtyFourCharactersOrMoreNeverMatch() throws {
        #expect(try matches("_X.", String(repeating: "1", count: 63)))
        #expect(try !matches("_X.", String(repeating: "1", count: 64)))
        #expect(try !matches("_!", String(repeating: "1", count: 100)))
    }

    @Test func emptyNumber() throws {
        #expect(try !matches("_X", ""))
        #expect(try !matches("112", ""))
    }

    @Test(arguments: ["_", "_[1-5", "_[]", "_[5-1]", "_1x", "_12]", "_0044-X.", "abc", "", "+", "_[a]"])
    func malformedPatternsAreRefused(_ pattern: String) {
        #expect(throws: DialPattern.Malformed.self) { try DialPattern(pattern) }
    }

    @Test func lowercaseLettersGetAHint() {
        do {
            _ = try DialPattern("_1xx")
            Issue.record("should throw")
        } catch {
            #expect(error.hint == "pattern letters are capitals: X any digit, Z 1-9, N 2-9")
        }
    }
}
