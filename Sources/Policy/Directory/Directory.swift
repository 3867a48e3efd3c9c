/// The configuration every decision reads: customers (tenants), SIP
/// profiles and SIP users. Built only by `DirectoryLoader`, only when the
/// whole file is valid, so every reference in it resolves.
public struct Directory: Sendable {
    /// Everything, in one object: engines, policies and calls copy the
    /// directory (or a value holding it), which is then one retain.
    private final class Storage: Sendable {
        let customers: [Customer]
        let profiles: [Profile]
        let users: [User]
        let emergencyNumbers: [String]
        let defaultProfile: String?
        let profilesByName: [String: Profile]
        let usersByName: [String: User]

        init(customers: [Customer], profiles: [Profile], users: [User], emergencyNumbers: [String], defaultProfile: String?) {
            self.customers = customers
            self.profiles = profiles
            self.users = users
            self.emergencyNumbers = emergencyNumbers
            self.defaultProfile = defaultProfile
            self.profilesByName = Dictionary(profiles.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            self.usersByName = Dictionary(users.map { ($0.username, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    private let storage: Storage

    public var customers: [Customer] { storage.customers }
    public var profiles: [Profile] { storage.profiles }
    public var users: [User] { storage.users }
    /// Numbers always allowed, for every caller.
    public var emergencyNumbers: [String] { _read { yield storage.emergencyNumbers } }
    /// The profile of outside callers when nothing else names one.
    public var defaultProfile: String? { storage.defaultProfile }

    init(customers: [Customer], profiles: [Profile], users: [User], emergencyNumbers: [String], defaultProfile: String?) {
        storage = Storage(
            customers: customers, profiles: profiles, users: users, emergencyNumbers: emergencyNumbers,
            defaultProfile: defaultProfile)
    }

    public func profile(named name: String) -> Profile? { storage.profilesByName[name] }
    public func user(named username: String) -> User? { storage.usersByName[username] }
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
