import Diagnostics
import Foundation
import Language
import TestSupport
import Testing

/// `check` judges a `<Condition expression>` as the engine's
/// NSRegularExpression would, including patterns it accepts without asking
/// ICU (those without a character that opens, closes or quantifies).
@Suite struct RegularExpressionTests {
    static func checkAccepts(_ pattern: String) -> Bool {
        let escaped = pattern.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
        let xml = "<Response><Condition field=\"{{From}}\" expression=\"\(escaped)\"><Hangup/></Condition></Response>"
        let checked = ScriptChecker.check(bytes: Array(xml.utf8), file: "t.xml")
        return !checked.diagnostics.contains { $0.message.contains("is not a valid regular expression") }
    }

    static func icuAccepts(_ pattern: String) -> Bool {
        (try? NSRegularExpression(pattern: pattern)) != nil
    }

    @Test(arguments: ["^0$", "1001", ".", "^", "$", "a.b", "^+44", "(", "[0-9", "a{2", "*", "\\", "x|", "é-ü #/:@"])
    func agreesWithICU(_ pattern: String) {
        #expect(Self.checkAccepts(pattern) == Self.icuAccepts(pattern), "pattern \(pattern)")
    }

    /// Random patterns, most without special characters (the shortcut),
    /// some with: the verdict is always ICU's.
    @Test func randomPatternsAgreeWithICU() {
        let alphabet = Array("abc019^$.-#_ @/:é=%,;!~`'") + Array("\\[](){}*+?|")
        var random = SeededRandom(default: 20_261_129)
        for round in 0..<3000 {
            let special = round % 4 == 0
            let count = random.next(below: 8) + 1
            let pattern = String(
                (0..<count).map { _ in
                    alphabet[random.next(below: special ? alphabet.count : alphabet.count - 11)]
                })
            // `{{` and `${` open a template, which `check` judges as one.
            if pattern.contains("{{") || pattern.contains("${") { continue }
            #expect(Self.checkAccepts(pattern) == Self.icuAccepts(pattern), "seed \(random.seed), round \(round): \(pattern)")
        }
    }
}
