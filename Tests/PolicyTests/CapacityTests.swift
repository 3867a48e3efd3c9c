import Policy
import Synchronization
import Testing

/// Three profiles of different capacities and more users than fit.
private let capacityDirectory = Fixtures.load(
    """
    customers: [{name: acme}]
    profiles:
      - {name: small, capacity: 3}
      - {name: medium, capacity: 7}
      - {name: single, capacity: 1}
    users:
    \((0..<20).map { "  - {username: s\($0), profile: small, customer: acme}" }.joined(separator: "\n"))
    \((0..<20).map { "  - {username: m\($0), profile: medium, customer: acme}" }.joined(separator: "\n"))
    \((0..<5).map { "  - {username: o\($0), profile: single, customer: acme}" }.joined(separator: "\n"))
    """
).directory!

/// Counters shared by the racing tasks.
private final class RaceCounters: Sendable {
    let overCapacity = Atomic<Int>(0)
    let admitted = Atomic<Int>(0)
    let refused = Atomic<Int>(0)
}

@Suite struct CapacityTests {
    func caller(_ name: String) -> Caller { try! Caller.user(name, in: capacityDirectory).get() }

    @Test func sameUserCountsOnce() {
        let registry = CapacityRegistry(directory: capacityDirectory)
        let o0 = caller("o0")
        let o1 = caller("o1")
        #expect(registry.admit(o0).isAllowed)
        #expect(registry.admit(o0).isAllowed)  // a second call of the same user
        let refused = registry.admit(o1)
        #expect(refused.denial == .profileCapacity)
        #expect(refused.evidence.capacity == 1)
        #expect(refused.evidence.activeUsers == 1)
        registry.release(o0)
        #expect(registry.admit(o1).denial == .profileCapacity)  // o0 still on one call
        registry.release(o0)
        #expect(registry.activeUsers(of: "single") == 0)
        #expect(registry.admit(o1).isAllowed)
        registry.release(o1)
        registry.release(o1)  // releasing more than admitted does nothing
        #expect(registry.activeUsers(of: "single") == 0)
    }

    @Test func thousandsOfConcurrentAdmissionsNeverExceedCapacity() async {
        let registry = CapacityRegistry(directory: capacityDirectory)
        let profiles = ["small": 3, "medium": 7, "single": 1]
        let names = (0..<20).map { "s\($0)" } + (0..<20).map { "m\($0)" } + (0..<5).map { "o\($0)" }
        let callers = names.map(caller)
        let counters = RaceCounters()

        await withTaskGroup(of: Void.self) { group in
            for task in 0..<4000 {
                group.addTask {
                    let who = callers[(task * 7919) % callers.count]
                    let decision = registry.admit(who)
                    if decision.isAllowed {
                        counters.admitted.add(1, ordering: .relaxed)
                        // Active users, read under the registry's lock, while others race.
                        if registry.activeUsers(of: who.profileName) > profiles[who.profileName]! {
                            counters.overCapacity.add(1, ordering: .relaxed)
                        }
                        await Task.yield()
                        registry.release(who)
                    } else {
                        #expect(decision.denial == .profileCapacity)
                        counters.refused.add(1, ordering: .relaxed)
                    }
                }
            }
            // An observer sampling every profile throughout.
            group.addTask {
                for _ in 0..<2000 {
                    for (profile, capacity) in profiles where registry.activeUsers(of: profile) > capacity {
                        counters.overCapacity.add(1, ordering: .relaxed)
                    }
                    await Task.yield()
                }
            }
        }
        #expect(counters.overCapacity.load(ordering: .relaxed) == 0)
        #expect(counters.admitted.load(ordering: .relaxed) + counters.refused.load(ordering: .relaxed) == 4000)
        #expect(counters.admitted.load(ordering: .relaxed) > 0)
        for profile in profiles.keys { #expect(registry.activeUsers(of: profile) == 0) }
    }

    @Test func aFullProfileRefusesEveryNewUser() async {
        let registry = CapacityRegistry(directory: capacityDirectory)
        let smalls = (0..<20).map { caller("s\($0)") }
        // Hold admissions without releasing: exactly 3 distinct users get in.
        let results = await withTaskGroup(of: (String, Bool).self) { group in
            for who in smalls { group.addTask { (who.identity, registry.admit(who).isAllowed) } }
            return await group.reduce(into: [(String, Bool)]()) { $0.append($1) }
        }
        #expect(results.filter(\.1).count == 3)
        #expect(registry.activeUsers(of: "small") == 3)
        for (name, allowed) in results where allowed { registry.release(caller(name)) }
        #expect(registry.activeUsers(of: "small") == 0)
    }
}
