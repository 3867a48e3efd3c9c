import Engine
import Foundation
import Language
import Policy

/// Choices drawn from a byte string: each draw takes the next byte (0 once
/// they run out). Shorter inputs and smaller bytes make simpler worlds, so
/// the property checker's shrinking of the bytes finds the smallest world
/// that breaks a property, and a failure prints the bytes to replay it.
struct Choices {
    let bytes: [UInt8]
    private var next = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        let byte = next < bytes.count ? Int(bytes[next]) : 0
        next += 1
        return range.lowerBound + byte % range.count
    }

    mutating func bool() -> Bool { int(0...1) == 1 }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0...items.count - 1)] }
}

/// A random call centre: customers, profiles with random flags, barge
/// groups and dial rules, users spread over them, calls in progress
/// between users and outside numbers, and a caller.
struct World: CustomStringConvertible {
    struct ProfileSpec {
        let name: String
        let flags: [String]
        let group: String?
        let rules: [(effect: String, pattern: String)]
    }

    struct UserSpec {
        let name: String
        let profile: String
        let customer: String
    }

    static let customerNames = ["acme", "globex", "initech"]
    static let groups = ["sales", "support"]
    static let outsideNumbers = ["+441234567890", "+15550100", "0201234567"]
    static let patterns = ["_X.", "_00.", "_+X.", "_+.", "_1XX", "_NXX", "_[1-5]!", "_0Z.", "112", "1001", "_*X.", "_#."]

    var profiles: [ProfileSpec] = []
    var users: [UserSpec] = []
    var customers: [String] = []
    var calls: [CallInProgress] = []
    /// The caller: a user's name, or an outside number.
    var caller = ""
    /// An outside caller's customer.
    var callerCustomer: String?

    init(_ choices: inout Choices) {
        customers = Array(Self.customerNames.prefix(choices.int(1...3)))
        for index in 0..<choices.int(1...4) {
            var flags: [String] = []
            for flag in ["barge", "whisper", "barge_commands", "transfer"] where choices.int(0...2) > 0 { flags.append(flag) }
            let rules = (0..<choices.int(0...3)).map { _ in
                (effect: choices.pick(["allow", "deny"]), pattern: choices.pick(Self.patterns))
            }
            profiles.append(
                ProfileSpec(
                    name: "p\(index)", flags: flags, group: choices.pick([nil] + Self.groups.map(Optional.some)),
                    rules: rules))
        }
        for index in 0..<choices.int(2...7) {
            // Mostly extensions, some names (SIP users such as the documentation's `test4`).
            let name = index % 3 == 2 ? "test\(index)" : String(1000 + index)
            users.append(UserSpec(name: name, profile: choices.pick(profiles).name, customer: choices.pick(customers)))
        }
        let parties = users.map(\.name) + Self.outsideNumbers
        for index in 0..<choices.int(0...5) {
            var members: [String] = []
            for _ in 0..<choices.int(1...3) {
                let party = choices.pick(parties)
                if !members.contains(party) { members.append(party) }
            }
            calls.append(CallInProgress(id: "c\(index)", parties: members, started: Double(choices.int(0...20) * 10)))
        }
        if choices.int(0...4) == 0 {
            caller = "+15559999"
            callerCustomer = choices.pick(customers)
        } else {
            caller = choices.pick(users).name
        }
    }

    /// The directory as a file, loaded the way `run` and `explain` load it.
    var directoryYAML: String {
        var yaml = "emergency: [\"112\"]\ndefault_profile: p0\ncustomers:\n"
        for customer in customers { yaml += "  - name: \(customer)\n" }
        yaml += "profiles:\n"
        for profile in profiles {
            yaml += "  - name: \(profile.name)\n    capacity: 100\n    flags: [\(profile.flags.joined(separator: ", "))]\n"
            if let group = profile.group { yaml += "    barge_group: \(group)\n" }
            yaml += profile.rules.isEmpty ? "    dial: []\n" : "    dial:\n"
            for rule in profile.rules { yaml += "      - \(rule.effect): \"\(rule.pattern)\"\n" }
        }
        yaml += "users:\n"
        for user in users { yaml += "  - {username: \"\(user.name)\", profile: \(user.profile), customer: \(user.customer)}\n" }
        return yaml
    }

    var directory: Directory {
        let loaded = DirectoryLoader.load(text: directoryYAML, file: "world.yaml")
        guard let directory = loaded.directory else {
            fatalError("the generated directory does not load: \(loaded.diagnostics.map(\.message))\n\(directoryYAML)")
        }
        return directory
    }

    var description: String {
        "caller \(caller)\(callerCustomer.map { " (outside, for \($0))" } ?? "")\n"
            + "calls: " + calls.map { "\($0.id)=\($0.parties)@\(Int($0.started))" }.joined(separator: " ") + "\n" + directoryYAML
    }

    func user(_ name: String) -> UserSpec? { users.first { $0.name == name } }
    func profile(of name: String) -> ProfileSpec? { user(name).flatMap { u in profiles.first { $0.name == u.profile } } }
    var callerProfile: ProfileSpec { profile(of: caller) ?? profiles[0] }
    var callerCustomerName: String? { user(caller)?.customer ?? callerCustomer }

    /// A scenario for the caller, with the world's calls in progress.
    func scenario(target: String?, variables: [String: String] = [:]) -> Scenario {
        var scenario = Scenario()
        scenario.from = caller
        scenario.customer = callerCustomer
        scenario.sid = "CA-world"
        scenario.start = Date(timeIntervalSince1970: 1_000)
        scenario.callsInProgress = calls.map {
            CallInProgress(id: $0.id, parties: $0.parties, started: $0.started)
        }
        scenario.bargeTarget = target
        scenario.bargeTalk = 5
        scenario.variables = variables
        return scenario
    }

    func run(_ xml: String, _ scenario: Scenario, directory: Directory) -> [TraceEvent] {
        guard case .success(let script) = CompiledScript.compile(bytes: Array(xml.utf8), file: "world.xml") else {
            fatalError("the generated script does not check: \(xml)")
        }
        var sink = CollectingSink()
        Engine(directory: directory).run(script, scenario: scenario, sink: &sink)
        return sink.events
    }
}

extension TraceEvent {
    func string(_ key: Key) -> String? {
        guard case .string(let value) = self[key] else { return nil }
        return value
    }
}
