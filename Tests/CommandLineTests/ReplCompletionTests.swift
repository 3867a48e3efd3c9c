import Foundation
import Testing

@testable import connexml

/// Tab completion, asked directly: what the text before the cursor may
/// become.
@Suite struct ReplCompletionTests {
    let session = ReplSession(directory: nil) { _ in }

    func answer(_ before: String, pending: [String] = []) -> ReplCompletion.Answer {
        ReplCompletion.answer(before: before, pending: pending, session: session)
    }

    func listed(_ before: String, pending: [String] = []) -> [String] {
        if case .list(let names) = answer(before, pending: pending) { return names }
        return []
    }

    @Test func attributesInsideAStartTag() {
        let dial = listed("<Dial ")
        for name in ["callerId", "fromDisplayName", "hangupOnStar", "hangupOnStarContext", "ringTone", "timeout"] {
            #expect(dial.contains(name), "\(name) not offered: \(dial)")
        }
        #expect(answer("<Dial ti") == .insert("meout=\""))
        // Not those already written, nor inside a value.
        #expect(!listed("<Dial timeout=\"5\" ").contains("timeout"))
        #expect(listed("<Dial timeout=\"5\" ").contains("ringTone"))
        #expect(answer("<Dial timeout=\"5") == .none)
        // A noun's own attributes, where it stands (inside <Dial>, typed on earlier lines).
        let barge = listed("  <Barge ", pending: ["<Response>", "<Dial timeout=\"5\">"])
        #expect(barge == ["whisper", "bridge", "commands"], "\(barge)")
        #expect(answer("<Client status", pending: ["<Dial>"]) == .insert("Callback"))
        #expect(answer("<Nosuch ") == .none)
    }

    @Test func elementNamesAndTheClosingTag() {
        #expect(answer("<Ga") == .insert("ther"))
        #expect(listed("<S").contains("Say") && listed("<S").contains("Set"))
        #expect(answer("  </", pending: ["<Gather numDigits=\"1\">", "  <Say>Hi</Say>"]) == .insert("Gather>"))
    }

    @Test func commandsAndTheirArguments() throws {
        #expect(listed(":lo") == [":load", ":login", ":logout"])
        #expect(answer(":wh") == .insert("ere "))
        #expect(answer(":help wh") == .insert("ere "))
        #expect(answer(":login 100") == .list(["1001", "1002", "1003", "1004"]))
        #expect(answer(":login 20") == .insert("0"))
        #expect(answer(":explain 1001 ba") == .insert("rge "))
        #expect(answer(":call 1001 profile op") == .insert("erator "))
        // :load offers scripts and folders, not other files.
        let folder = try ReplSessions.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("calls"), withIntermediateDirectories: true)
        for name in ["menu.xml", "menu.trace", "menu.scenario.yaml", ".hidden.xml"] {
            try "".write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        #expect(answer(":load \(folder.path)/") == .list(["calls/", "menu.xml"]))
        #expect(answer(":load \(folder.path)/m") == .insert("enu.xml "))
        #expect(answer(":load \(folder.path)/c") == .insert("alls/"))
        #expect(answer(":save \(folder.path)/") == .insert("calls/"))
    }

    @Test func listsFitTheTerminalAndNeverSplitANameAcrossLines() {
        let names = (1...30).map { "attribute\($0)" }
        let text = ReplCompletion.columns(names, width: 80)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { $0.count < 80 }, "\(text)")
        #expect(lines.count == 5)  // 6 columns of 13 characters
        for name in names { #expect(lines.contains { $0.split(separator: " ").contains(Substring(name)) }) }
        #expect(ReplCompletion.columns(["a", "b", "c"], width: 2) == "a\nb\nc\n")
    }
}
