/// A scenario file as read: the world a call runs in, and beside it what
/// only the driver uses (the engine never reads files): the `documents`
/// mappings that hand-overs find first, and the folder their relative
/// paths start from.
public struct ScenarioFile: Sendable {
    public var scenario: Scenario
    /// URL → document (a path, relative to `folder`), for hand-overs that
    /// must not leave the machine.
    public var documents: [String: String]
    /// The scenario file's folder.
    public var folder: String

    public init(scenario: Scenario = Scenario(), documents: [String: String] = [:], folder: String = ".") {
        self.scenario = scenario
        self.documents = documents
        self.folder = folder
    }
}
