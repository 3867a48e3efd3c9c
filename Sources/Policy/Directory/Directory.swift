/// The configuration every decision reads: customers (tenants), SIP
/// profiles and SIP users. Built only by `DirectoryLoader`, only when the
/// whole file is valid, so every reference in it resolves.
public struct Directory: Sendable {
    public let customers: [Customer]
    public let profiles: [Profile]
    public let users: [User]
    /// Numbers always allowed, for every caller.
    public let emergencyNumbers: [String]
    /// The profile of outside callers when nothing else names one.
    public let defaultProfile: String?

    private let profilesByName: [String: Profile]
    private let usersByName: [String: User]

    init(customers: [Customer], profiles: [Profile], users: [User], emergencyNumbers: [String], defaultProfile: String?) {
        self.customers = customers
        self.profiles = profiles
        self.users = users
        self.emergencyNumbers = emergencyNumbers
        self.defaultProfile = defaultProfile
        self.profilesByName = Dictionary(profiles.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.usersByName = Dictionary(users.map { ($0.username, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func profile(named name: String) -> Profile? { profilesByName[name] }
    public func user(named username: String) -> User? { usersByName[username] }
}

public struct Customer: Sendable, Hashable {
    public let name: String
}

/// A group of users who share the same features.
public struct Profile: Sendable {
    public let name: String
    /// How many distinct users may be active at once (default 10).
    public let capacity: Int
    public let flags: Set<Flag>
    /// The group for barging: users of this profile can be barged by users
    /// of the same group holding `barge`, and (with it) can barge that group.
    public let bargeGroup: String?
    /// First match decides; no match denies.
    public let dialRules: [DialRule]

    public static let defaultCapacity = 10

    public func has(_ flag: Flag) -> Bool { flags.contains(flag) }
}

public struct User: Sendable, Hashable {
    public let username: String
    public let profile: String
    public let customer: String
    public let extensionNumber: String?
    public let password: String?
}
