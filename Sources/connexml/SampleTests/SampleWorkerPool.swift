import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs samples in worker processes (`connexml test --worker`), up to one
/// per core, each running one sample at a time, so that a sample that crashes
/// (a stack overflow, a runtime trap) takes down its worker and not the run:
/// that sample is reported as crashed and a new worker goes on with the
/// samples after it. Workers live for the whole run and get samples in
/// batches: a run costs a few process starts, not one per sample.
struct SampleWorkerPool {
    /// The worker's command line after the executable: `test --worker ...`.
    let arguments: [String]
    var workers = ProcessInfo.processInfo.activeProcessorCount

    static let samplesWorthAWorker = 32

    /// Workers cannot run at all (they cannot be started, or keep dying
    /// before they run anything): a problem of the machine, not of a sample.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Every sample's result, in the order of `samples`; `progress` is
    /// called (from any thread) with the number done after each.
    func run(_ samples: [Sample], progress: @escaping @Sendable (Int) -> Void) throws -> [SampleRunner.Result] {
        // A worker that dies while being sent samples must not kill the runner.
        let previous = signal(SIGPIPE, SIG_IGN)
        defer { signal(SIGPIPE, previous) }
        var environment = ProcessInfo.processInfo.environment
        // The runtime's backtracer takes seconds per crash and prints pages;
        // the crash report says how to rerun the sample for a backtrace.
        if environment["SWIFT_BACKTRACE"] == nil { environment["SWIFT_BACKTRACE"] = "enable=no" }

        // Starting a worker costs about as much as running tens of samples:
        // a few samples share one.
        let lanes = max(1, min(workers, (samples.count + Self.samplesWorthAWorker - 1) / Self.samplesWorthAWorker))
        let run = SharedRun(count: samples.count, lanes: lanes)
        let group = DispatchGroup()
        for _ in 0..<lanes {
            group.enter()
            let arguments = self.arguments
            let environment = environment
            let thread = Thread {
                let lane = WorkerLane(
                    samples: samples, run: run, arguments: arguments,
                    environment: environment, progress: progress)
                do { try lane.run() } catch { run.fail(String(describing: error)) }
                group.leave()
            }
            thread.start()
        }
        group.wait()
        if let failure = run.failure { throw Failure(description: failure) }
        return run.results
    }
}

/// What the lanes share: the next samples to hand out and the results.
/// Behind an NSLock, which ThreadSanitizer understands.
private final class SharedRun: @unchecked Sendable {
    private let lock = NSLock()
    private let count: Int
    private let lanes: Int
    private var next = 0
    private var slots: [SampleRunner.Result?]
    private var done = 0
    private var firstFailure: String?

    init(count: Int, lanes: Int) {
        self.count = count
        self.lanes = lanes
        slots = Array(repeating: nil, count: count)
    }

    /// The next samples for a worker: big batches while there are many
    /// left, smaller ones toward the end so the workers finish together.
    func nextBatch() -> Range<Int>? {
        lock.withLock {
            guard firstFailure == nil, next < count else { return nil }
            let size = max(1, min(64, (count - next) / (lanes * 4)))
            defer { next += size }
            return next..<(next + size)
        }
    }

    /// Stores a result; returns how many samples are done.
    func record(_ result: SampleRunner.Result, at index: Int) -> Int {
        lock.withLock {
            slots[index] = result
            done += 1
            return done
        }
    }

    func fail(_ message: String) {
        lock.withLock { if firstFailure == nil { firstFailure = message } }
    }

    var failure: String? { lock.withLock { firstFailure } }
    var results: [SampleRunner.Result] { lock.withLock { slots.compactMap { $0 } } }
}

/// One worker at a time, fed batches of samples until there are none left,
/// replaced when it dies.
private final class WorkerLane {
    private let samples: [Sample]
    private let shared: SharedRun
    private let arguments: [String]
    private let environment: [String: String]
    private let progress: @Sendable (Int) -> Void

    private var worker: WorkerProcess?
    /// The samples given to the current worker and not yet answered, in
    /// the order it runs them.
    private var pending: [Int] = []
    /// The sample the worker said it started, and when.
    private var running: (index: Int, since: UInt64)?
    private var outgoing: [UInt8] = []
    private var sent = 0
    private var frames = WorkerMessage.Frames()
    /// The end of what the worker wrote to standard error. Nothing tells
    /// which sample wrote what (the pipes are read in no set order), so it
    /// is all kept until the worker ends: then it goes to the runner's
    /// standard error or, if the worker crashed, into the crash report.
    private var errorOutput: [UInt8] = []
    private var errorsOpen = true
    /// Workers that ended before finishing anything: more than a few in a
    /// row, and the machine, not a sample, is the problem.
    private var fruitlessWorkers = 0
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)

    init(
        samples: [Sample], run: SharedRun, arguments: [String], environment: [String: String],
        progress: @escaping @Sendable (Int) -> Void
    ) {
        self.samples = samples
        shared = run
        self.arguments = arguments
        self.environment = environment
        self.progress = progress
    }

    func run() throws {
        defer { finish() }
        while true {
            if pending.isEmpty {
                guard let batch = shared.nextBatch() else { return }
                pending = Array(batch)
                if worker != nil { send(pending) }
            }
            if worker == nil { try start() }
            try pump()
        }
    }

    private func start() throws {
        worker = try WorkerProcess(arguments: arguments, environment: environment)
        outgoing = []
        sent = 0
        frames = WorkerMessage.Frames()
        errorOutput = []
        errorsOpen = true
        running = nil
        send(pending)
    }

    private func send(_ indices: [Int]) {
        if sent == outgoing.count {
            outgoing.removeAll(keepingCapacity: true)
            sent = 0
        }
        for index in indices { outgoing += WorkerMessage.sample(index: index, samples[index]).encoded }
    }

    /// Moves samples in and answers out until the worker has answered all
    /// it was given, or has died.
    private func pump() throws {
        while !pending.isEmpty, let worker {
            var fds = [
                pollfd(fd: worker.output, events: Int16(POLLIN), revents: 0),
                pollfd(fd: errorsOpen ? worker.errors : -1, events: Int16(POLLIN), revents: 0),
                pollfd(fd: sent < outgoing.count ? worker.input : -1, events: Int16(POLLOUT), revents: 0),
            ]
            guard poll(&fds, nfds_t(fds.count), -1) >= 0 else {
                if errno == EINTR { continue }
                throw SampleWorkerPool.Failure(description: "cannot wait for a worker: \(String(cString: strerror(errno)))")
            }
            if fds[2].revents != 0 { writeSamples(to: worker) }
            if fds[1].revents != 0 { readErrors(of: worker) }
            if fds[0].revents != 0 {
                do {
                    if try !readAnswers(of: worker) { try ended(worker, as: nil) }
                } catch is WorkerMessage.Malformed {
                    worker.stop()
                    try ended(worker, as: .malformedAnswer)
                }
            }
        }
    }

    private func writeSamples(to worker: WorkerProcess) {
        let written = outgoing[sent...].withUnsafeBytes { write(worker.input, $0.baseAddress, $0.count) }
        if written > 0 {
            sent += written
        } else if written < 0, errno != EAGAIN, errno != EINTR {
            // The worker is gone (EPIPE); its answers' end tells how.
            sent = outgoing.count
        }
    }

    private func readErrors(of worker: WorkerProcess) {
        let count = chunk.withUnsafeMutableBytes { read(worker.errors, $0.baseAddress, $0.count) }
        if count > 0 {
            errorOutput += chunk[0..<count]
            // A crash report shows only the end: the rest goes out now.
            if errorOutput.count > 1 << 16 {
                let older = errorOutput.count - (1 << 14)
                Self.writeError(errorOutput[..<older])
                errorOutput.removeFirst(older)
            }
        } else if count == 0 || errno != EINTR {
            errorsOpen = false
        }
    }

    /// Reads what the worker answered; false at its end.
    private func readAnswers(of worker: WorkerProcess) throws -> Bool {
        let count = chunk.withUnsafeMutableBytes { read(worker.output, $0.baseAddress, $0.count) }
        if count < 0 { return errno == EINTR }
        if count == 0 { return false }
        chunk.withUnsafeBytes { frames.append(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        while let body = try frames.next() {
            switch try WorkerMessage(body: body) {
            case .started(let index) where index == pending.first && running == nil:
                running = (index, DispatchTime.now().uptimeNanoseconds)
            case .finished(let index, let report) where index == pending.first && running?.index == index:
                pending.removeFirst()
                running = nil
                fruitlessWorkers = 0
                deliver(index, report)
            default:
                throw WorkerMessage.Malformed()
            }
        }
        return true
    }

    /// The worker died: the sample it had started crashed; the samples it
    /// had not started go to the next worker.
    private func ended(_ worker: WorkerProcess, as reason: SampleCrash.Ending?) throws {
        while errorsOpen { readErrors(of: worker) }
        let ending = worker.wait()
        self.worker = nil
        if let running, running.index == pending.first {
            pending.removeFirst()
            fruitlessWorkers = 0
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - running.since) / 1e9
            let crash = SampleCrash(ending: reason ?? ending, errorOutput: errorOutput)
            deliver(running.index, SampleRunner.Report(outcome: .crashed(crash), actualTrace: "", coverage: [], seconds: seconds))
        } else {
            fruitlessWorkers += 1
            if fruitlessWorkers >= 3 {
                let said = String(decoding: errorOutput.suffix(2000), as: UTF8.self)
                throw SampleWorkerPool.Failure(
                    description: "the workers that run the samples keep ending before they run one "
                        + "(the last \((reason ?? ending).text))" + (said.isEmpty ? "" : ":\n" + said))
            }
        }
        running = nil
    }

    private func deliver(_ index: Int, _ report: SampleRunner.Report) {
        let done = shared.record(SampleRunner.Result(sample: samples[index], report: report), at: index)
        progress(done)
    }

    /// No samples left (or the run failed): the worker exits once it has
    /// read that.
    private func finish() {
        guard let worker else { return }
        if !pending.isEmpty { worker.stop() }  // the run failed: its answers would go unread
        worker.closeInput()
        while (chunk.withUnsafeMutableBytes { read(worker.output, $0.baseAddress, $0.count) }) > 0 {}
        while errorsOpen { readErrors(of: worker) }
        Self.writeError(errorOutput[...])
        _ = worker.wait()
        self.worker = nil
    }

    /// Passes the worker's bytes on as they are.
    private static func writeError(_ bytes: ArraySlice<UInt8>) {
        var rest = bytes
        while !rest.isEmpty {
            let written = rest.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return }
            rest = rest.dropFirst(written)
        }
    }
}
