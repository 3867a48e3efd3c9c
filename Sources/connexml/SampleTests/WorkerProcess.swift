import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A worker: this same executable, started as `connexml test --worker ...`,
/// with a pipe each for the samples it is sent, its answers and its
/// standard error.
final class WorkerProcess {
    let pid: pid_t
    /// Samples go in here (non-blocking: the runner never waits on a worker
    /// that is not reading).
    private(set) var input: Int32
    let output: Int32
    let errors: Int32

    struct SpawnFailure: Error, CustomStringConvertible {
        let description: String
    }

    /// The executable to start: this one, by a path that survives the file
    /// being replaced (a rebuild) during the run.
    static let executable: String = {
        #if os(Linux)
            return "/proc/self/exe"
        #else
            return Bundle.main.executablePath ?? CommandLine.arguments[0]
        #endif
    }()

    /// Held from making a worker's pipes until it is started: a pipe is
    /// made, then marked close-on-exec (Glibc's module has no pipe2), and a
    /// worker started in between by another thread would inherit it and
    /// keep it open: then the end of a dead worker would never show.
    private static let spawning = NSLock()

    init(arguments: [String], environment: [String: String]) throws {
        Self.spawning.lock()
        defer { Self.spawning.unlock() }
        let toWorker = try Self.makePipe()
        let fromWorker = try Self.makePipe()
        let errorsOfWorker = try Self.makePipe()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // dup2 clears close-on-exec on 0, 1 and 2 only: the other ends, and
        // every other worker's pipes, stay closed in the child, so a dead
        // worker's pipes really end.
        posix_spawn_file_actions_adddup2(&actions, toWorker.read, 0)
        posix_spawn_file_actions_adddup2(&actions, fromWorker.write, 1)
        posix_spawn_file_actions_adddup2(&actions, errorsOfWorker.write, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The runner ignores SIGPIPE; a worker whose runner is gone should die of it.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))

        let argv = ([CommandLine.arguments.first ?? "connexml"] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, Self.executable, &actions, &attributes, argv, envp)
        for fd in [toWorker.read, fromWorker.write, errorsOfWorker.write] { close(fd) }
        guard status == 0 else {
            for fd in [toWorker.write, fromWorker.read, errorsOfWorker.read] { close(fd) }
            throw SpawnFailure(description: "cannot start a worker (\(Self.executable)): \(String(cString: strerror(status)))")
        }
        self.pid = pid
        input = toWorker.write
        output = fromWorker.read
        errors = errorsOfWorker.read
        _ = fcntl(input, F_SETFL, fcntl(input, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        closeInput()
        close(output)
        close(errors)
    }

    /// No more samples: the worker exits when it has answered the ones it has.
    func closeInput() {
        if input >= 0 { close(input) }
        input = -1
    }

    /// Stops a worker that cannot be trusted any more.
    func stop() { _ = kill(pid, SIGKILL) }

    /// Waits for the worker to end, and says how it did.
    func wait() -> SampleCrash.Ending {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // The wait status as POSIX lays it out: the low 7 bits are the
        // signal, 0 for an exit, whose status is the next byte.
        let signal = status & 0x7F
        return signal == 0 ? .exit((status >> 8) & 0xFF) : .signal(signal)
    }

    private static func makePipe() throws -> (read: Int32, write: Int32) {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else {
            throw SpawnFailure(description: "cannot make a pipe: \(String(cString: strerror(errno)))")
        }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return (fds[0], fds[1])
    }
}
