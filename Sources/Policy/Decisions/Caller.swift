/// Whom a call runs for: a SIP user of the directory (their profile and
/// customer apply), or an outside caller under an application profile.
public struct Caller: Sendable, Hashable {
    /// Nil for an outside caller.
    public let user: User?
    /// The caller's number or username, as the call presents it.
    public let identity: String
    public let profileName: String
    public let customer: String?

    /// Looks `identity` up: a SIP user, else an outside caller with
    /// `applicationProfile` or the directory's default profile, acting for
    /// `applicationCustomer` (the customer whose application answers).
    public static func resolve(
        _ identity: String, in directory: Directory, applicationProfile: String? = nil,
        applicationCustomer: String? = nil
    ) -> Result<Caller, Decision> {
        if let user = directory.user(named: identity) {
            return .success(Caller(user: user, identity: identity, profileName: user.profile, customer: user.customer))
        }
        guard let name = applicationProfile ?? directory.defaultProfile, directory.profile(named: name) != nil else {
            return .failure(
                .denied(
                    .admit, .noProfile, Evidence(profile: applicationProfile),
                    notes: ["'\(identity)' is not a SIP user, and no profile is named for outside callers"]))
        }
        return .success(Caller(user: nil, identity: identity, profileName: name, customer: applicationCustomer))
    }

    /// Only a SIP user of the directory.
    public static func user(_ username: String, in directory: Directory) -> Result<Caller, Decision> {
        guard let user = directory.user(named: username) else {
            return .failure(.denied(.admit, .unknownUser, Evidence(), notes: ["no SIP user '\(username)' in the directory"]))
        }
        return .success(Caller(user: user, identity: username, profileName: user.profile, customer: user.customer))
    }
}
