import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `connexml test --worker`: runs the samples the runner sends on standard
/// input, one at a time and in order, answering on standard output (see
/// `WorkerMessage`). Started by `SampleWorkerPool`, not by people.
enum SampleWorker {
    static func serve(_ runner: SampleRunner) {
        // The protocol gets descriptors of its own; 0 and 1 become /dev/null
        // and standard error, so that nothing a library prints can corrupt it.
        let requests = dup(0)
        let answers = dup(1)
        dup2(2, 1)
        let null = open("/dev/null", O_RDONLY)
        if null >= 0 {
            dup2(null, 0)
            close(null)
        }

        let crash = InjectedCrash.fromEnvironment()
        var frames = WorkerMessage.Frames()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(requests, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return }  // the runner has no more samples
            chunk.withUnsafeBytes { frames.append(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
            do {
                while let body = try frames.next() {
                    guard case .sample(let index, let sample) = try WorkerMessage(body: body) else {
                        throw WorkerMessage.Malformed()
                    }
                    send(WorkerMessage.started(index: index), to: answers)
                    crash?.fire(ifStarting: sample)
                    send(WorkerMessage.finished(index: index, runner.run(sample)), to: answers)
                }
            } catch {
                Terminal.writeError("connexml test --worker: the runner sent something that is not a sample\n")
                exit(2)
            }
        }
    }

    private static func send(_ message: WorkerMessage, to fd: Int32) {
        let bytes = message.encoded
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { exit(2) }  // the runner is gone
            offset += written
        }
    }
}

/// Fault injection, for the runner's own tests: they need a sample that
/// really crashes its worker, and every real crash is a bug that gets fixed.
/// `CONNEXML_TEST_CRASH=NAME` makes a worker crash as it starts the sample
/// NAME (its full name, or the end of it after a `/`);
/// `CONNEXML_TEST_CRASH_KIND` says how: `overflow` (the default: a real
/// stack overflow, SIGSEGV), `trap` (a Swift runtime trap, with its "Fatal
/// error" message) or `exit` (the worker exits with status 3). Only workers
/// read it, from their environment: nothing in a script, scenario or
/// directory can set it off.
struct InjectedCrash {
    enum Kind: String { case overflow, trap, exit }

    let sample: String
    let kind: Kind

    static func fromEnvironment() -> InjectedCrash? {
        let environment = ProcessInfo.processInfo.environment
        guard let sample = environment["CONNEXML_TEST_CRASH"], !sample.isEmpty else { return nil }
        return InjectedCrash(sample: sample, kind: environment["CONNEXML_TEST_CRASH_KIND"].flatMap(Kind.init) ?? .overflow)
    }

    func fire(ifStarting started: Sample) {
        guard started.name == sample || started.name.hasSuffix("/" + sample) else { return }
        switch kind {
        case .overflow: _ = overflowTheStack(0)
        case .trap: fatalError("injected crash in \(started.name) (CONNEXML_TEST_CRASH)")
        case .exit: Foundation.exit(3)
        }
    }
}

/// Recurses until the stack runs out, each frame holding 1 KiB (small
/// enough to be always on the stack).
@inline(never)
private func overflowTheStack(_ depth: Int) -> Int {
    withUnsafeTemporaryAllocation(of: Int.self, capacity: 128) { frame in
        frame.initialize(repeating: depth)
        // Never true: it keeps the compiler from seeing a recursion without end.
        if depth == Int.max { return frame[0] }
        return overflowTheStack(depth + 1) &+ frame[127]
    }
}
