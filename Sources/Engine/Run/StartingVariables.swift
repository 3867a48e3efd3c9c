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
        let sid = scenario.sid ?? unsetSid
        let cache = Cache.ofThisThread()
        if let last = cache.last, last.from == scenario.from, last.to == scenario.to, last.sid == sid,
            last.scenarioVariables == scenario.variables
        {
            return last.variables
        }
        let variables = build(scenario, sid: sid)
        cache.last = .init(
            from: scenario.from, to: scenario.to, sid: sid, scenarioVariables: scenario.variables, variables: variables)
        return variables
    }

    static var unsetSid: String { "CA-unset" }

    private static func build(_ scenario: Scenario, sid: String) -> [String: String] {
        // Room for what verbs set as well (DialCallStatus, gather_result,
        // context, …): growing a dictionary rehashes every key.
        var variables = [String: String](minimumCapacity: 12 + scenario.variables.count)
        variables["From"] = scenario.from
        variables["To"] = scenario.to
        variables["Extension"] = scenario.to
        variables["CallSid"] = sid
        for (key, value) in scenario.variables { variables[key] = value }
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
