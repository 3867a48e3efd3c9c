import Diagnostics
import Foundation

/// What `connexml test` and its workers say to each other on pipes. The
/// runner sends samples; a worker answers `started` before it runs one, so
/// that when the worker dies the runner knows which sample killed it, then
/// `finished` with the result.
///
/// Framing: an 8-byte little-endian length, then the body: a tag byte and
/// the fields. Strings are a length and UTF-8; numbers 8 bytes little-endian.
/// Binary and hand-made because it runs twice per sample: it must cost
/// next to nothing beside the sample itself.
enum WorkerMessage {
    case sample(index: Int, Sample)
    case started(index: Int)
    case finished(index: Int, SampleRunner.Report)

    struct Malformed: Error {}

    private enum Tag: UInt8 {
        case sample = 1
        case started
        case finished
    }

    /// The message, framed.
    var encoded: [UInt8] {
        var writer = Writer()
        switch self {
        case .sample(let index, let sample):
            writer.byte(Tag.sample.rawValue)
            writer.int(index)
            for field in [sample.name, sample.script, sample.scenario, sample.expectedTrace] { writer.string(field) }
        case .started(let index):
            writer.byte(Tag.started.rawValue)
            writer.int(index)
        case .finished(let index, let report):
            writer.byte(Tag.finished.rawValue)
            writer.int(index)
            writer.report(report)
        }
        return writer.framed
    }

    /// Decodes one message body (a frame without its length).
    init(body: ArraySlice<UInt8>) throws {
        var reader = Reader(bytes: body)
        switch Tag(rawValue: try reader.byte()) {
        case .sample:
            let index = try reader.int()
            self = .sample(
                index: index,
                Sample(
                    name: try reader.string(), script: try reader.string(),
                    scenario: try reader.string(), expectedTrace: try reader.string()))
        case .started:
            self = .started(index: try reader.int())
        case .finished:
            self = .finished(index: try reader.int(), try reader.report())
        case nil:
            throw Malformed()
        }
        guard reader.atEnd else { throw Malformed() }
    }

    /// Collects bytes as they arrive on a pipe and cuts them into message
    /// bodies.
    struct Frames {
        private var buffer: [UInt8] = []
        private var start = 0
        /// Bigger than any sample's answer could honestly be: a length past
        /// it means the stream is corrupt, not that more is coming.
        static let largestMessage = 1 << 30

        mutating func append(_ bytes: UnsafeRawBufferPointer) { buffer.append(contentsOf: bytes) }

        /// The next complete message body, if one has fully arrived.
        mutating func next() throws -> ArraySlice<UInt8>? {
            guard buffer.count - start >= 8 else {
                compact()
                return nil
            }
            var length = 0
            for shift in 0..<8 { length |= Int(buffer[start + shift]) << (8 * shift) }
            guard length > 0, length <= Self.largestMessage else { throw Malformed() }
            guard buffer.count - start - 8 >= length else {
                compact()
                return nil
            }
            let body = buffer[(start + 8)..<(start + 8 + length)]
            start += 8 + length
            return body
        }

        /// Drops consumed bytes once they are most of the buffer, so reading
        /// stays linear.
        private mutating func compact() {
            if start > 0, start >= buffer.count / 2 {
                buffer.removeFirst(start)
                start = 0
            }
        }

        var isEmpty: Bool { buffer.count == start }
    }
}

private enum OutcomeTag: UInt8 {
    case passed = 1
    case differs, missingTrace, invalid
}

private struct Writer {
    private var bytes: [UInt8] = Array(repeating: 0, count: 8)  // the length, filled in by `framed`

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func int(_ value: Int) {
        let bits = UInt64(bitPattern: Int64(value))
        for shift in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: bits >> (8 * UInt64(shift)))) }
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func bool(_ value: Bool) { byte(value ? 1 : 0) }

    mutating func report(_ report: SampleRunner.Report) {
        int(Int(bitPattern: UInt(report.seconds.bitPattern)))
        switch report.outcome {
        case .passed:
            byte(OutcomeTag.passed.rawValue)
        case .differs(let diff):
            byte(OutcomeTag.differs.rawValue)
            string(diff)
        case .missingTrace:
            byte(OutcomeTag.missingTrace.rawValue)
        case .invalid(let diagnostics):
            byte(OutcomeTag.invalid.rawValue)
            int(diagnostics.count)
            for diagnostic in diagnostics { self.diagnostic(diagnostic) }
        case .crashed:
            // A worker never reports its own crash: it is dead by then.
            preconditionFailure("a crash is found by the runner, never sent")
        }
        string(report.actualTrace)
        int(report.coverage.count)
        for mark in report.coverage {
            string(mark.file)
            int(mark.line)
            bool(mark.outcome != nil)
            if let outcome = mark.outcome { string(outcome) }
        }
    }

    mutating func diagnostic(_ diagnostic: Diagnostic) {
        bool(diagnostic.severity == .error)
        string(diagnostic.code.rawValue)
        string(diagnostic.message)
        string(diagnostic.file)
        bool(diagnostic.position != nil)
        if let position = diagnostic.position {
            int(position.line)
            int(position.column)
        }
        bool(diagnostic.hint != nil)
        if let hint = diagnostic.hint { string(hint) }
    }

    var framed: [UInt8] {
        var out = bytes
        let length = UInt64(out.count - 8)
        for shift in 0..<8 { out[shift] = UInt8(truncatingIfNeeded: length >> (8 * UInt64(shift))) }
        return out
    }
}

private struct Reader {
    let bytes: ArraySlice<UInt8>
    var offset: Int

    init(bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        offset = bytes.startIndex
    }

    var atEnd: Bool { offset == bytes.endIndex }

    mutating func byte() throws -> UInt8 {
        guard offset < bytes.endIndex else { throw WorkerMessage.Malformed() }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func int() throws -> Int {
        guard bytes.endIndex - offset >= 8 else { throw WorkerMessage.Malformed() }
        var bits: UInt64 = 0
        for shift in 0..<8 { bits |= UInt64(bytes[offset + shift]) << (8 * UInt64(shift)) }
        offset += 8
        return Int(Int64(bitPattern: bits))
    }

    /// A count of things each at least `size` bytes long: checked against
    /// the bytes left, so a corrupt count cannot make the reader allocate or
    /// loop for long.
    mutating func count(eachAtLeast size: Int = 1) throws -> Int {
        let value = try int()
        guard value >= 0, value <= (bytes.endIndex - offset) / size else { throw WorkerMessage.Malformed() }
        return value
    }

    mutating func string() throws -> String {
        let length = try count(eachAtLeast: 1)
        defer { offset += length }
        return String(decoding: bytes[offset..<(offset + length)], as: UTF8.self)
    }

    mutating func bool() throws -> Bool {
        switch try byte() {
        case 0: false
        case 1: true
        default: throw WorkerMessage.Malformed()
        }
    }

    mutating func report() throws -> SampleRunner.Report {
        let seconds = Double(bitPattern: UInt64(UInt(bitPattern: try int())))
        let outcome: SampleRunner.Outcome
        switch OutcomeTag(rawValue: try byte()) {
        case .passed: outcome = .passed
        case .differs: outcome = .differs(try string())
        case .missingTrace: outcome = .missingTrace
        case .invalid:
            var diagnostics: [Diagnostic] = []
            let count = try count(eachAtLeast: 27)
            for _ in 0..<count { diagnostics.append(try diagnostic()) }
            outcome = .invalid(diagnostics)
        case nil: throw WorkerMessage.Malformed()
        }
        let actualTrace = try string()
        var coverage: [CoverageMark] = []
        let marks = try count(eachAtLeast: 17)
        for _ in 0..<marks {
            let file = try string()
            let line = try int()
            coverage.append(CoverageMark(file: file, line: line, outcome: try bool() ? try string() : nil))
        }
        return SampleRunner.Report(outcome: outcome, actualTrace: actualTrace, coverage: coverage, seconds: seconds)
    }

    mutating func diagnostic() throws -> Diagnostic {
        let severity: Severity = try bool() ? .error : .warning
        let code = DiagnosticCode(rawValue: try string())
        let message = try string()
        let file = try string()
        let position = try bool() ? SourcePosition(line: try int(), column: try int()) : nil
        let hint = try bool() ? try string() : nil
        return Diagnostic(severity, code, message, file: file, at: position, hint: hint)
    }
}
