import XMLParsing

/// Where an element stands, which decides what may stand there.
enum Scope: Equatable {
    /// A direct child of `<Response>`.
    case response
    /// Inside `<Condition>`: runs when its tests hold.
    case condition
    /// Inside `<Press>`: runs when the key is pressed.
    case press

    var description: String {
        switch self {
        case .response: "<Response>"
        case .condition: "<Condition>"
        case .press: "<Press>"
        }
    }
}

/// The checking side of one verb: its element name and how its element
/// becomes a typed value. One conforming type per file under Verbs/.
protocol VerbSyntax: VerbDefinition, ElementDocumentation {
    static func check(_ element: Element, in scope: Scope, _ checker: inout Checker) -> Verb?
}
