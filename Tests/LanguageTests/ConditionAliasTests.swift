import Testing

@testable import Language

/// `time` and `date_time` are read as `time-of-day` and `date-time`
/// (language.md), from a list rather than a dictionary: each alias still
/// names its attribute, alone it is a test, beside its attribute it is a
/// duplicate, whichever comes first.
@Suite struct ConditionAliasTests {
    @Test func eachAliasNamesItsAttribute() {
        #expect(Condition.canonicalName(of: "time") == "time-of-day")
        #expect(Condition.canonicalName(of: "date_time") == "date-time")
        #expect(Condition.canonicalName(of: "time-of-day") == nil)
        #expect(Condition.canonicalName(of: "mon") == nil)
        #expect(Condition.canonicalName(of: "Time") == nil)
    }

    @Test func anAliasBesideItsAttributeIsADuplicate() {
        let pairs = [
            ("time", "time-of-day", "09:00-10:00"),
            ("date_time", "date-time", "2026-01-01 00:00~2026-01-02 00:00"),
        ]
        for (alias, name, value) in pairs {
            for attributes in ["\(alias)=\"\(value)\" \(name)=\"\(value)\"", "\(name)=\"\(value)\" \(alias)=\"\(value)\""] {
                let checked = check(verbs: "<Condition \(attributes)><Hangup/></Condition>")
                #expect(checked.codes == ["duplicate-attribute"], "\(attributes)")
                #expect(
                    checked.diagnostics.first?.message == "<Condition> has both \(alias) and \(name), which mean the same",
                    "\(attributes)")
            }
            let alone = check(verbs: "<Condition \(alias)=\"\(value)\"><Hangup/></Condition>")
            #expect(alone.diagnostics.isEmpty, "\(alias)")
            guard case .condition(let condition) = alone.verbs.first else {
                Issue.record("\(alias): no condition")
                continue
            }
            #expect(condition.timeTests.map(\.attribute) == [alias])
        }
    }
}
