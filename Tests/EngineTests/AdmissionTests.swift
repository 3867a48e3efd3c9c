import Engine
import Language
import Policy
import Testing

/// A call runs only once its caller is resolved and admitted; a refused one
/// is traced (start, denial, end) and gives back exactly what it took.
@Suite struct AdmissionTests {
    static let script = Fixture.compile("<Response><Say>hello</Say></Response>")

    @Test func aCallerWithoutAProfileIsRefusedBeforeAnyVerb() {
        var scenario = Fixture.scenario(from: "+15550100")
        scenario.profile = "nobody"
        var sink = CollectingSink()
        let summary = Engine(directory: Fixture.directory).run(Self.script, scenario: scenario, sink: &sink)
        #expect(summary.reason == .refused)
        #expect(summary.denials == 1 && summary.verbsRun == 0)
        #expect(sink.events.names == ["call.start", "denied", "call.end"])
        #expect(sink.events.first(.denied)?[.reason] == .string("no_profile"))
    }

    /// A refused call's logged-in users are admitted and released in pairs:
    /// it never releases a hold another call has (it once did when the
    /// caller could not be resolved).
    @Test func aRefusedCallLeavesOtherCallsHoldsAlone() throws {
        let engine = Engine(directory: Fixture.directory)
        let operatorCaller = try Caller.user("1003", in: Fixture.directory).get()
        // Another call holds 1003 (an operator: capacity 2).
        #expect(engine.capacity.admit(operatorCaller).isAllowed)
        var scenario = Fixture.scenario(from: "+15550100")
        scenario.profile = "nobody"
        scenario.loggedIn = ["1003"]
        var sink = CountingSink()
        #expect(engine.run(Self.script, scenario: scenario, sink: &sink).reason == .refused)
        // 1003 still holds one of the two places: one more fits, not two.
        #expect(engine.capacity.admit(operatorCaller, as: "second").isAllowed)
        #expect(!engine.capacity.admit(operatorCaller, as: "third").isAllowed)
    }

    @Test func aFullProfileRefusesTheCallerAndReleasesNothingItDidNotTake() throws {
        let engine = Engine(directory: Fixture.directory)
        var scenario = Fixture.scenario(from: "1003")
        scenario.loggedIn = ["2002"]  // the other operator
        let operatorCaller = try Caller.user("1003", in: Fixture.directory).get()
        #expect(engine.capacity.admit(operatorCaller, as: "elsewhere").isAllowed)  // full with 2002
        var sink = CollectingSink()
        #expect(engine.run(Self.script, scenario: scenario, sink: &sink).reason == .refused)
        #expect(sink.events.first(.denied)?[.profile] == .string("operator"))
        // What the refused call took (2002) is back; "elsewhere" still holds.
        #expect(engine.capacity.admit(operatorCaller, as: "again").isAllowed)
        #expect(!engine.capacity.admit(operatorCaller, as: "more").isAllowed)
    }

    /// A call holds capacity from its first `next()`: one made and never
    /// run (a driver that gave up before starting it) holds none.
    @Test func aCallMadeButNeverRunHoldsNoCapacity() throws {
        let engine = Engine(directory: Fixture.directory)
        let operatorCaller = try Caller.user("1003", in: Fixture.directory).get()
        for _ in 0..<3 {
            let call = engine.call(Self.script, scenario: Fixture.scenario(from: "1003"), sink: CollectingSink())
            #expect(call.sink.events.isEmpty, "nothing happens before next()")
        }
        // 1003 is an operator (capacity 2): both places are still free.
        #expect(engine.capacity.admit(operatorCaller, as: "one").isAllowed)
        #expect(engine.capacity.admit(operatorCaller, as: "two").isAllowed)
    }
}
