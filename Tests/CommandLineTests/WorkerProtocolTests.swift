import Diagnostics
import Foundation
import Testing

@testable import connexml

/// The messages between `connexml test` and its workers: what goes in comes
/// out, however the pipe cuts the bytes, and garbage is refused.
@Suite struct WorkerProtocolTests {
    static let sample = Sample(
        name: "flows/menu.é", script: "flows/menu.xml",
        scenario: "flows/menu.é.scenario.yaml", expectedTrace: "flows/menu.é.trace")

    static let invalid = SampleRunner.Report(
        outcome: .invalid([
            Diagnostic(
                .error, "unknown-element", "unknown element <say>", file: "a.xml",
                at: SourcePosition(line: 1, column: 11), hint: "did you mean <Say>?"),
            Diagnostic(.warning, "scenario-invalid-value", "no position", file: "a.scenario.yaml", at: nil),
        ]),
        actualTrace: "", coverage: [], seconds: 0.25)

    static let differs = SampleRunner.Report(
        outcome: .differs("--- a\n+++ actual\n@@ -1 +1 @@\n-x\n+y\n"), actualTrace: "    0.0  call.start\n",
        coverage: [
            CoverageMark(file: "a.xml", line: 3, outcome: "true"),
            CoverageMark(file: "a.xml", line: 6, outcome: nil),
        ],
        seconds: 1e-6)

    /// Feeds `bytes` in pieces of `piece` bytes and collects the messages.
    func decode(_ bytes: [UInt8], piece: Int) throws -> [WorkerMessage] {
        var frames = WorkerMessage.Frames()
        var messages: [WorkerMessage] = []
        var offset = 0
        while offset < bytes.count {
            let end = min(offset + piece, bytes.count)
            bytes[offset..<end].withUnsafeBytes { frames.append($0) }
            while let body = try frames.next() { messages.append(try WorkerMessage(body: body)) }
            offset = end
        }
        #expect(frames.isEmpty)
        return messages
    }

    @Test(arguments: [1, 7, 1 << 16])
    func messagesSurviveAnyCutting(piece: Int) throws {
        let stream =
            WorkerMessage.sample(index: 41, Self.sample).encoded + WorkerMessage.started(index: 41).encoded
            + WorkerMessage.finished(index: 41, Self.invalid).encoded + WorkerMessage.finished(index: 42, Self.differs).encoded
            + WorkerMessage.finished(
                index: 43, SampleRunner.Report(outcome: .missingTrace, actualTrace: "t\n", coverage: [], seconds: 2)
            ).encoded
        let messages = try decode(stream, piece: piece)
        #expect(messages.count == 5)
        guard messages.count == 5 else { return }
        guard case .sample(41, let sample) = messages[0] else {
            Issue.record("\(messages[0])")
            return
        }
        #expect(sample == Self.sample)
        guard case .started(41) = messages[1] else {
            Issue.record("\(messages[1])")
            return
        }
        guard case .finished(41, let invalid) = messages[2], case .invalid(let diagnostics) = invalid.outcome else {
            Issue.record("\(messages[2])")
            return
        }
        #expect(diagnostics == (Self.invalid.outcome.diagnostics ?? []))
        #expect(invalid.seconds == 0.25)
        guard case .finished(42, let differs) = messages[3], case .differs(let diff) = differs.outcome else {
            Issue.record("\(messages[3])")
            return
        }
        #expect(diff == "--- a\n+++ actual\n@@ -1 +1 @@\n-x\n+y\n")
        #expect(differs.actualTrace == "    0.0  call.start\n")
        #expect(differs.coverage == Self.differs.coverage)
        #expect(differs.seconds == 1e-6)
        guard case .finished(43, let missing) = messages[4], case .missingTrace = missing.outcome else {
            Issue.record("\(messages[4])")
            return
        }
        #expect(missing.actualTrace == "t\n")
    }

    @Test func anIncompleteMessageWaitsForTheRest() throws {
        let bytes = WorkerMessage.started(index: 3).encoded
        var frames = WorkerMessage.Frames()
        bytes.dropLast().withUnsafeBytes { frames.append($0) }
        #expect(try frames.next() == nil)
        bytes.suffix(1).withUnsafeBytes { frames.append($0) }
        #expect(try frames.next() != nil)
    }

    @Test func garbageIsRefused() throws {
        // A length past any honest message.
        var frames = WorkerMessage.Frames()
        [UInt8](repeating: 0xFF, count: 16).withUnsafeBytes { frames.append($0) }
        #expect(throws: WorkerMessage.Malformed.self) { try frames.next() }
        // An unknown tag.
        #expect(throws: WorkerMessage.Malformed.self) { try WorkerMessage(body: [99, 0, 0, 0, 0, 0, 0, 0, 0]) }
        // Fields cut short, or left over.
        let body = Array(WorkerMessage.finished(index: 1, Self.invalid).encoded.dropFirst(8))
        #expect(throws: WorkerMessage.Malformed.self) { try WorkerMessage(body: body.dropLast()[...]) }
        #expect(throws: WorkerMessage.Malformed.self) { try WorkerMessage(body: (body + [0])[...]) }
        // A count of diagnostics far beyond the bytes there are.
        var huge = Array(WorkerMessage.finished(index: 1, Self.invalid).encoded.dropFirst(8))
        let countAt = 1 + 8 + 8 + 1  // tag, index, seconds, outcome
        for shift in 0..<8 { huge[countAt + shift] = shift == 6 ? 1 : 0 }
        #expect(throws: WorkerMessage.Malformed.self) { try WorkerMessage(body: huge[...]) }
    }
}

extension SampleRunner.Outcome {
    var diagnostics: [Diagnostic]? { if case .invalid(let diagnostics) = self { diagnostics } else { nil } }
}
