/// The decisions of policy.md, as pure functions of the directory: no
/// state, no I/O, each answer carrying its evidence.
public struct Policy: Sendable {
    public let directory: Directory

    public init(directory: Directory) { self.directory = directory }

    func profile(of caller: Caller) -> Profile {
        // Callers are resolved against this directory, whose references all resolve.
        directory.profile(named: caller.profileName)!
    }

    func evidence(for caller: Caller) -> Evidence {
        Evidence(profile: caller.profileName, customer: caller.customer)
    }

    /// May the caller use feature `flag`?
    public func mayUse(_ flag: Flag, caller: Caller) -> Decision {
        var evidence = evidence(for: caller)
        evidence.flag = flag
        return profile(of: caller).has(flag)
            ? .allowed(.feature(flag), evidence) : .denied(.feature(flag), .missingFlag, evidence)
    }
}
