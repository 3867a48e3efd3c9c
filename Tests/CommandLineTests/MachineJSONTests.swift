import Foundation
import Testing

@testable import connexml

/// Machine output is written one way (Codable, keys sorted, '/' as it is),
/// whichever command writes it.
@Suite struct MachineJSONTests {
    /// `test --coverage --format json`, whole: the same text a Codable
    /// report gives, with paths as they are (JSONSerialization wrote `\/`).
    @Test func coverageJSONIsCodableStyle() throws {
        let folder = try TestCommandTests.Folder()
        try folder.write("menu.xml", TestCommandTests.menu)
        try folder.write("menu.one.scenario.yaml", TestCommandTests.scenario("\"1\""))
        #expect(try Connexml.run(["test", "--update", folder.path]).status == 0)
        let result = try Connexml.run(["test", "--coverage", "--format", "json", folder.path])
        let json = try #require(result.stdout.split(separator: "\n").first.map(String.init))
        let file = folder.path + "/menu.xml"
        #expect(
            json == """
                {"scripts":[{"branches":[{"covered":["digits"],"line":2,"missing":["no input"],"verb":"Gather"},\
                {"covered":["true"],"line":3,"missing":["false"],"verb":"Condition"}],\
                "file":"\(file)","samples":1,"verbs":{"never":[],"ran":4,"total":4}}]}
                """)
    }

    @Test func prettyAndCompactShareTheStyle() {
        struct Value: Encodable { let path: String, b: Int, a: [Int] }
        let value = Value(path: "a/b", b: 2, a: [1])
        #expect(MachineJSON.text(value) == #"{"a":[1],"b":2,"path":"a/b"}"#)
        #expect(MachineJSON.text(value, pretty: true).contains(#""path" : "a/b""#))
    }
}
