import Diagnostics
import Foundation
import Language
import Testing

/// Every ```xml example of the ConnexCS "ConneXML" page, kept verbatim in
/// Fixtures/connexcs-docs (its README says where each came from), checked
/// by the real checker against the verdict language.md requires: no
/// diagnostic for an example the platform runs as written, and each of the
/// page's own defects flagged at its line with its code. A published example
/// that gets an unjustified error is a checker crying wolf; one whose defect
/// goes unflagged is a checker that lets the platform's refusal through.
@Suite struct DocumentationExamplesTests {
    /// One diagnostic an example must get: severity, code, line, and a piece
    /// of the hint that shows it is the right diagnosis.
    struct Finding: Hashable, Sendable, CustomStringConvertible {
        let severity: Severity
        let code: String
        let line: Int
        var hint: String? = nil

        static func error(_ code: String, line: Int, hint: String? = nil) -> Finding {
            Finding(severity: .error, code: code, line: line, hint: hint)
        }

        static func warning(_ code: String, line: Int, hint: String? = nil) -> Finding {
            Finding(severity: .warning, code: code, line: line, hint: hint)
        }

        var description: String { "\(severity.rawValue) \(code) at line \(line)" }
    }

    struct Example: Sendable, CustomTestStringConvertible {
        let file: String
        /// Every diagnostic `check` must give, no more: empty means clean.
        let findings: [Finding]
        var testDescription: String { file }
    }

    static let clean: [Finding] = []

    /// The verdicts. Clean: the platform runs the example as written. The
    /// rest: the page's defects, as language.md ("What the documentation
    /// shows but does not allow") and issue 10 list them.
    static let examples: [Example] = [
        Example(file: "01-editor-redirect-post", findings: clean),
        // `<!--Body of the code>` is never closed with `-->`: the next
        // comment's `<!--` falls inside it (libxml2: "double hyphen").
        Example(file: "02-components-malformed-comment", findings: [.error("unclosed-comment", line: 1)]),
        Example(file: "03-hangup", findings: clean),
        Example(file: "04-pause-default", findings: clean),
        Example(file: "05-pause-length", findings: clean),
        Example(file: "06-say", findings: clean),
        Example(file: "07-reject", findings: clean),
        Example(file: "08-reject-busy", findings: clean),
        Example(file: "09-play-loop", findings: clean),
        Example(file: "10-play-local-file", findings: clean),
        Example(file: "11-play-remote-http", findings: clean),
        Example(file: "12-play-user-file", findings: clean),
        Example(file: "13-redirect", findings: clean),
        Example(file: "14-redirect-get", findings: clean),
        Example(file: "15-gather", findings: clean),
        Example(file: "16-enqueue", findings: clean),
        Example(file: "17-dial", findings: clean),
        // `callerId="1234"`: 1–15 digits, `+` optional (language.md, Dial).
        Example(file: "18-dial-callerid", findings: clean),
        Example(file: "19-dial-fromdisplayname", findings: clean),
        Example(file: "20-dial-hanguponstar", findings: clean),
        // Platforms of this family ignore an unknown attribute: a warning,
        // and the ring tone silently stays `us`.
        Example(file: "21-dial-ringtone", findings: [.warning("unknown-attribute", line: 3, hint: "ringTone")]),
        Example(file: "22-dial-timeout", findings: clean),
        // `</Response>"`: text after the root element.
        Example(file: "23-dial-number-stray-quote", findings: [.error("content-after-root", line: 6)]),
        Example(file: "24-dial-queue", findings: clean),
        Example(file: "25-dial-client", findings: clean),
        Example(file: "26-dial-conference", findings: clean),
        Example(file: "27-dial-voicemail", findings: clean),
        Example(file: "28-dial-voicemail-inbox", findings: clean),
        Example(file: "29-dial-barge-default", findings: clean),
        // whisper="a" bridge="b" commands="false" written as the Barge's
        // text: reported as attributes, with the start tag to write, never
        // as a group name with a "did you mean" built from the text.
        Example(
            file: "30-dial-barge-attributes-as-text",
            findings: [.error("attribute-as-text", line: 5, hint: "<Barge whisper=\"a\" bridge=\"b\" commands=\"false\"")]),
        // Barge groups are `^[a-z_0-9]+$` (SIP Profile page).
        Example(file: "31-dial-barge-group", findings: [.error("invalid-group-name", line: 5, hint: "groupa")]),
        // `&ampids`: a bare `&` (XML refuses the document).
        Example(file: "32-dial-client-status-callback", findings: [.error("bare-ampersand", line: 6, hint: "&amp;")]),
        Example(file: "33-dial-queue-music", findings: clean),
        Example(file: "34-dial-queue-pickup", findings: clean),
        Example(file: "35-dial-voicemail-user", findings: clean),
        // Context `A` (names are case-sensitive) and `callerId="+44123"`.
        Example(file: "36-dial-hanguponstarcontext", findings: clean),
        // `<Number>>{{ … }}`: a stray `>` becomes part of the number.
        Example(file: "37-dynamic-dial-substring-5", findings: [.warning("stray-angle-bracket", line: 4)]),
        Example(file: "38-dynamic-dial-substring-9", findings: clean),
        // `dtmf_leg ='b'digit="3"`: XML refuses attributes run together.
        Example(file: "39-press-transfer", findings: [.error("attribute-syntax", line: 3, hint: "space between attributes")]),
        Example(file: "40-transfer-attended", findings: clean),
        Example(file: "41-before", findings: clean),
        Example(file: "42-start-stream", findings: clean),
        Example(file: "43-stream-parameter", findings: clean),
        Example(file: "44-echo", findings: clean),
        Example(file: "45-set-header", findings: clean),
        Example(file: "46-set-before-header", findings: clean),
        // Contexts `A` and `B`, as the documentation names them.
        Example(file: "47-enter-contexts", findings: clean),
        Example(file: "48-llm-agent-file-id", findings: clean),
        Example(file: "49-llm-agent-instructions", findings: clean),
        Example(file: "50-llm-agent-app-id", findings: clean),
        // Runs, but: actionOnEmptyResult without action does nothing, and
        // expression="1" matches anywhere in the value (`21` too), the
        // FreeSWITCH way; `^1$` is what the page means.
        Example(
            file: "51-condition-field-gather",
            findings: [
                .warning("no-effect", line: 5),
                .warning("unanchored-expression", line: 9, hint: "^1$"),
            ]),
        Example(file: "52-condition-year", findings: clean),
        Example(file: "53-condition-yday", findings: clean),
        Example(file: "54-condition-mon", findings: clean),
        Example(file: "55-condition-mday", findings: clean),
        Example(file: "56-condition-week", findings: clean),
        Example(file: "57-condition-mweek", findings: clean),
        Example(file: "58-condition-wday", findings: clean),
        Example(file: "59-condition-sunmontuewedthufrisat", findings: clean),
        Example(file: "60-condition-hour", findings: clean),
        Example(file: "61-condition-minute", findings: clean),
        // 720 is 11:59 (00:00 is 1), not noon: the page's own wording, and
        // a valid value either way.
        Example(file: "62-condition-minute-of-day", findings: clean),
        Example(file: "63-condition-time-of-day", findings: clean),
        Example(file: "64-condition-time-of-day-seconds", findings: clean),
        // `**~**`: the page's bold markup left inside the code.
        Example(file: "65-condition-date-time", findings: [.error("invalid-value", line: 4, hint: "~")]),
        Example(file: "66-condition-date_time-seconds", findings: [.error("invalid-value", line: 3, hint: "~")]),
        // Fragments: no `<Response>` around them.
        Example(file: "67-wrap-around-time-fragment", findings: [.error("invalid-root", line: 1, hint: "fragment")]),
        Example(file: "68-wrap-around-month-fragment", findings: [.error("invalid-root", line: 1, hint: "fragment")]),
        // `<condition>`: element names are case-sensitive.
        Example(file: "69-blocks-lowercase-condition", findings: [.error("unknown-element", line: 3, hint: "<Condition>")]),
    ]

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/connexcs-docs")

    static func read(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: folder.appendingPathComponent(name + ".xml")))
    }

    /// The diagnostics as findings (without hints), in source order.
    static func findings(_ diagnostics: [Diagnostic]) -> [Finding] {
        diagnostics.map { Finding(severity: $0.severity, code: $0.code.rawValue, line: $0.position?.line ?? 0) }
    }

    /// Every example on disk has a verdict here, and every verdict a file:
    /// an example added to the folder cannot go unchecked.
    @Test func everyFixtureHasAVerdict() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0.hasSuffix(".xml") }.map { String($0.dropLast(4)) }.sorted()
        #expect(files == Self.examples.map(\.file))
        #expect(files.count == 69)
    }

    @Test(arguments: DocumentationExamplesTests.examples) func verdict(_ example: Example) throws {
        let result = ScriptChecker.check(bytes: try Self.read(example.file), file: example.file + ".xml")
        let got = Self.findings(result.diagnostics)
        let expected = example.findings.map { Finding(severity: $0.severity, code: $0.code, line: $0.line) }
        #expect(got == expected, "\(result.diagnostics.map { "\($0.position?.line ?? 0): \($0.code) \($0.message)" })")
        for finding in example.findings {
            guard let hint = finding.hint else { continue }
            let match = result.diagnostics.first {
                $0.code.rawValue == finding.code && $0.position?.line == finding.line
            }
            #expect(match?.hint?.contains(hint) == true, "\(finding): hint \(match?.hint ?? "none") lacks \(hint)")
        }
        // No error means a script to run; any error means none.
        #expect((result.script != nil) == !expected.contains { $0.severity == .error })
    }

    /// The page's wrap-around fragments, once put in a `<Response>`, never
    /// match: FreeSWITCH does not wrap a range whose end is below its start
    /// (language.md, Condition), so `check` warns and suggests two ranges.
    @Test(arguments: ["67-wrap-around-time-fragment", "68-wrap-around-month-fragment"])
    func wrapAroundFragmentsNeverMatch(_ file: String) throws {
        let fragment = String(decoding: try Self.read(file), as: UTF8.self)
        let result = ScriptChecker.check(bytes: Array("<Response>\n\(fragment)</Response>\n".utf8), file: file + ".xml")
        #expect(
            Self.findings(result.diagnostics) == [.warning("reversed-range", line: 2)],
            "\(result.diagnostics.map { "\($0.position?.line ?? 0): \($0.code) \($0.message)" })")
        #expect(result.diagnostics.first?.hint?.contains(",") == true, "the hint should give two ranges")
    }
}
