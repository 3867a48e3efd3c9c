import Testing

@testable import Language

/// `VerbRegistry.syntax(named:)`, the lookup the checker asks for every
/// element of every script, names the same verbs as the registry's table.
@Suite struct VerbRegistryTests {
    @Test func theLookupNamesEveryVerbOfTheTable() {
        #expect(VerbRegistry.byElementName.count == VerbRegistry.syntaxes.count)
        for (name, syntax) in VerbRegistry.byElementName {
            #expect(VerbRegistry.syntax(named: name).map(ObjectIdentifier.init) == ObjectIdentifier(syntax), "\(name)")
        }
    }

    @Test func andNothingElse() {
        let others = ["", "say", "SetVariable", "Dials", "Number", "Before", "Stream", "Response", "Conditio", "Sya", "Pauses"]
        for name in others + DialNoun.syntaxes.keys {
            #expect(VerbRegistry.syntax(named: name) == nil, "\(name)")
        }
    }
}
