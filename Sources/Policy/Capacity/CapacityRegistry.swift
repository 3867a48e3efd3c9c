/// Who is active on each profile right now, and admission against each
/// profile's capacity (policy.md, "Capacity").
///
/// A profile's capacity counts distinct users: the same user on two calls
/// (or logged in and on a call) counts once, and stays counted until the
/// last of those ends. Every change to a profile happens under that
/// profile's lock, so running many calls at once never admits more users
/// than the capacity, not even briefly.
public final class CapacityRegistry: Sendable {
    /// One profile's active users: user → how many calls or logins hold
    /// the user active. Built for every profile of the directory when the
    /// registry is made, so an admission finds its profile with one lookup
    /// in a table that never changes (no lock for that), and locks only
    /// that profile's users.
    private struct Holds {
        let name: String
        let capacity: Int
        let users: Locked<[String: Int]>
    }

    private let holds: [String: Holds]

    public init(directory: Directory) {
        var holds = [String: Holds](minimumCapacity: directory.profiles.count)
        // The first of two profiles with one name wins, as in the directory.
        for profile in directory.profiles where holds[profile.name] == nil {
            holds[profile.name] = Holds(name: profile.name, capacity: profile.capacity, users: Locked([:]))
        }
        self.holds = holds
    }

    /// Makes `identity` active on the caller's profile once more (a call or
    /// a login), or refuses with `profile_capacity` when that would make one
    /// user too many. Every admission must be paired with `release`.
    public func admit(_ caller: Caller, as identity: String? = nil) -> Decision {
        let key = identity ?? caller.identity
        guard let profile = holds[caller.profileName] else {
            return .denied(.admit, .noProfile, Evidence(profile: caller.profileName))
        }
        let (admitted, active) = profile.users.withLock { users -> (Bool, Int) in
            let before = users.count
            // Room for one more: counting the hold in place (one lookup)
            // says whether the user was already active.
            if before < profile.capacity {
                users[key, default: 0] += 1
                return (true, users.count)
            }
            guard users[key] != nil else { return (false, before) }
            users[key, default: 0] += 1
            return (true, before)
        }
        let evidence = Evidence(profile: profile.name, customer: nil, capacity: profile.capacity, activeUsers: active)
        guard admitted else {
            return .denied(
                .admit, .profileCapacity, evidence,
                notes: ["profile \(profile.name) already has \(active) of \(profile.capacity) users active"])
        }
        return .allowed(.admit, evidence)
    }

    /// Ends one hold of `identity` on the caller's profile (hang-up, logout).
    /// Releasing what was never admitted does nothing.
    public func release(_ caller: Caller, as identity: String? = nil) {
        let key = identity ?? caller.identity
        guard let profile = holds[caller.profileName] else { return }
        profile.users.withLock { users in
            guard let index = users.index(forKey: key) else { return }
            if users.values[index] > 1 {
                users.values[index] -= 1
            } else {
                users.remove(at: index)
            }
        }
    }

    /// How many distinct users are active on `profile`.
    public func activeUsers(of profile: String) -> Int {
        holds[profile]?.users.withLock { $0.count } ?? 0
    }

    /// The users active on `profile`, sorted.
    public func users(of profile: String) -> [String] {
        holds[profile]?.users.withLock { Array($0.keys).sorted() } ?? []
    }
}
