#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The variables every call starts with — who calls whom, the call id, then
/// the scenario's own — built once for a scenario and shared by its calls
/// (a call copies them only when it sets one: copy on write). Building them
/// hashed every name again for every call.
///
/// The last one built is kept per thread (no lock: calls on other threads
/// never wait) and reused while the next call's scenario has the same
/// caller, callee, id and variables; those compare in a few instructions
/// when they are the very same strings and dictionary, as they are for the
/// calls of one scenario.
enum StartingVariables {
    static func of(_ scenario: Scenario) -> [String: String] {
        of(from: scenario.from, to: scenario.to, sid: scenario.sid, variables: scenario.variables)
    }

    /// The same from the scenario's parts (`sid` nil: unset).
    static func of(from: String, to: String, sid: String?, variables: [String: String]) -> [String: String] {
        let sid = sid ?? unsetSid
        let cache = Cache.ofThisThread()
        if let last = cache.last, last.from == from, last.to == to, last.sid == sid, last.scenarioVariables == variables {
            return last.variables
        }
        let built = build(from: from, to: to, sid: sid, variables)
        cache.last = .init(from: from, to: to, sid: sid, scenarioVariables: variables, variables: built)
        return built
    }

    static var unsetSid: String { "CA-unset" }

    private static func build(from: String, to: String, sid: String, _ scenarioVariables: [String: String]) -> [String: String] {
        // (What verbs set is kept apart: CallVariables.)
        var variables = [String: String](minimumCapacity: 4 + scenarioVariables.count)
        variables["From"] = from
        variables["To"] = to
        variables["Extension"] = to
        variables["CallSid"] = sid
        for (key, value) in scenarioVariables { variables[key] = value }
        return variables
    }

    /// One thread's last starting variables, reached through a pthread key.
    private final class Cache {
        struct Entry {
            let from: String
            let to: String
            let sid: String
            let scenarioVariables: [String: String]
            let variables: [String: String]
        }
        var last: Entry?

        private static let key: pthread_key_t = {
            var key = pthread_key_t()
            // The thread's cache is released when the thread ends.
            precondition(
                pthread_key_create(&key) { pointer in
                    #if canImport(Darwin)
                        Unmanaged<Cache>.fromOpaque(pointer).release()
                    #else
                        if let pointer { Unmanaged<Cache>.fromOpaque(pointer).release() }
                    #endif
                } == 0, "pthread_key_create failed")
            return key
        }()

        static func ofThisThread() -> Cache {
            if let pointer = pthread_getspecific(key) { return Unmanaged<Cache>.fromOpaque(pointer).takeUnretainedValue() }
            let cache = Cache()
            pthread_setspecific(key, Unmanaged.passRetained(cache).toOpaque())
            return cache
        }
    }
}
