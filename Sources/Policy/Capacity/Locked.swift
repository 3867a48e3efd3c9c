#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A value shared between threads, reached only under a pthread mutex.
///
/// Not the standard library's `Mutex`: ThreadSanitizer does not see it as
/// synchronisation and reports races inside correct `withLock` code, which
/// would hide a real race among false ones (scripts/sanitize.sh). A pthread
/// mutex is what ThreadSanitizer understands, at the same cost here.
final class Locked<State>: @unchecked Sendable {
    // Unchecked: the mutex is what keeps accesses apart (the run-time
    // exclusivity check cost as much as taking it).
    @exclusivity(unchecked) private var state: State
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    init(_ state: State) {
        self.state = state
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        precondition(pthread_mutex_init(mutex, nil) == 0, "pthread_mutex_init failed")
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deinitialize(count: 1)
        mutex.deallocate()
    }

    func withLock<Result>(_ body: (inout State) throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&state)
    }
}
