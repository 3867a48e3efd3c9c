/// Who is active on each profile right now, and admission against each
/// profile's capacity (policy.md, "Capacity").
///
/// A profile's capacity counts distinct users: the same user on two calls
/// (or logged in and on a call) counts once, and stays counted until the
/// last of those ends. Every change happens under one lock, so running many
/// calls at once never admits more users than the capacity, not even
/// briefly.
public final class CapacityRegistry: Sendable {
    private struct State {
        /// profile → user → how many calls or logins hold the user active.
        var holds: [String: [String: Int]] = [:]
    }

    private let state = Locked(State())
    private let directory: Directory

    public init(directory: Directory) { self.directory = directory }

    /// Makes `identity` active on the caller's profile once more (a call or
    /// a login), or refuses with `profile_capacity` when that would make one
    /// user too many. Every admission must be paired with `release`.
    public func admit(_ caller: Caller, as identity: String? = nil) -> Decision {
        let key = identity ?? caller.identity
        guard let profile = directory.profile(named: caller.profileName) else {
            return .denied(.admit, .noProfile, Evidence(profile: caller.profileName))
        }
        return state.withLock { state in
            // Mutated in place: copying a profile's table out and back would
            // copy it on every admission.
            let active = state.holds[profile.name]?.count ?? 0
            let alreadyActive = state.holds[profile.name]?[key] != nil
            var evidence = Evidence(profile: profile.name)
            evidence.capacity = profile.capacity
            guard alreadyActive || active < profile.capacity else {
                evidence.activeUsers = active
                return .denied(
                    .admit, .profileCapacity, evidence,
                    notes: ["profile \(profile.name) already has \(active) of \(profile.capacity) users active"])
            }
            state.holds[profile.name, default: [:]][key, default: 0] += 1
            evidence.activeUsers = alreadyActive ? active : active + 1
            return .allowed(.admit, evidence)
        }
    }

    /// Ends one hold of `identity` on the caller's profile (hang-up, logout).
    /// Releasing what was never admitted does nothing.
    public func release(_ caller: Caller, as identity: String? = nil) {
        let key = identity ?? caller.identity
        state.withLock { state in
            guard let held = state.holds[caller.profileName]?[key] else { return }
            if held > 1 {
                state.holds[caller.profileName]?[key] = held - 1
            } else {
                state.holds[caller.profileName]?.removeValue(forKey: key)
            }
        }
    }

    /// How many distinct users are active on `profile`.
    public func activeUsers(of profile: String) -> Int {
        state.withLock { $0.holds[profile]?.count ?? 0 }
    }

    /// The users active on `profile`, sorted.
    public func users(of profile: String) -> [String] {
        state.withLock { ($0.holds[profile]?.keys).map { Array($0).sorted() } ?? [] }
    }
}
