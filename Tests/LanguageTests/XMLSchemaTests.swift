import Diagnostics
import Foundation
import Language
import Testing

private let xmllintPath: String? = ["/usr/bin/xmllint", "/usr/local/bin/xmllint", "/opt/homebrew/bin/xmllint"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

/// docs/connexml.xsd, judged by libxml2's own validator (`xmllint
/// --schema`, package libxml2-utils), when it is installed: it accepts every
/// sample and documentation example that `check` accepts without an ignored
/// attribute, and rejects wrong nesting. (Where `check` only warns that an
/// attribute is ignored, the schema is strict, so editors flag it.)
@Suite(.enabled(if: xmllintPath != nil, "xmllint is not installed (apt-get install libxml2-utils)"))
struct XMLSchemaTests {
    static let xmllint = xmllintPath
    static let root = GeneratedDocumentsTests.root
    static let schema = root.appendingPathComponent("docs/connexml.xsd").path

    /// The files xmllint says fail to validate, among `files`.
    static func rejected(_ files: [String]) throws -> Set<String> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: xmllint!)
        process.arguments = ["--schema", schema, "--noout"] + files
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let output = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let suffix = " fails to validate"
        #expect(!output.contains("failed to compile"), "\(output)")
        return Set(output.split(separator: "\n").filter { $0.hasSuffix(suffix) }.map { String($0.dropLast(suffix.count)) })
    }

    static func xmlFiles(in folder: String) throws -> [String] {
        let url = root.appendingPathComponent(folder)
        return try FileManager.default.contentsOfDirectory(atPath: url.path).filter { $0.hasSuffix(".xml") }.sorted()
            .map { url.appendingPathComponent($0).path }
    }

    /// Diagnostics after which the schema may refuse a file `check` accepts.
    static let strictWhereCheckWarns: Set<DiagnosticCode> = ["unknown-attribute", "unsupported-attribute"]

    @Test func acceptsEveryValidSampleAndExample() throws {
        let folders = ["samples/scripts", "samples/calls", "samples/app", "Tests/LanguageTests/Fixtures/connexcs-docs"]
        var valid: [String] = []
        for file in try folders.flatMap(Self.xmlFiles) {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
            let diagnostics = ScriptChecker.check(bytes: bytes, file: file).diagnostics
            if !diagnostics.hasErrors, !diagnostics.contains(where: { Self.strictWhereCheckWarns.contains($0.code) }) {
                valid.append(file)
            }
        }
        #expect(valid.count > 60, "only \(valid.count) valid files found")
        let rejected = try Self.rejected(valid)
        #expect(rejected.isEmpty, "the schema refuses files check accepts: \(rejected.sorted())")
    }

    static let wrong: [(name: String, xml: String)] = [
        ("reject-in-condition", "<Condition hour=\"9\"><Reject/></Condition>"),
        ("pause-in-gather", "<Gather><Pause/></Gather>"),
        ("number-outside-dial", "<Number>123</Number>"),
        ("press-in-press", "<Press digit=\"1\"><Press digit=\"2\"><Hangup/></Press></Press>"),
        ("stream-outside-start", "<Stream url=\"wss://a.example\"/>"),
        ("before-in-condition", "<Condition hour=\"9\"><Before><Set name=\"a\" value=\"b\"/></Before></Condition>"),
        ("child-in-say", "<Say>Hello <Pause/></Say>"),
        ("parameter-in-start", "<Start><Parameter name=\"a\" value=\"b\"/></Start>"),
        ("misspelt-attribute", "<Dial ringtone=\"in\">123</Dial>"),
        ("loop-zero", "<Say loop=\"0\">Hi</Say>"),
        ("press-digit-template", "<Press digit=\"{{ key }}\"><Hangup/></Press>"),
        ("lowercase-verb", "<say>Hi</say>"),
    ]

    @Test func rejectsWrongNestingAndValues() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("connexml-xsd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var files: [String] = []
        for (name, xml) in Self.wrong {
            let file = folder.appendingPathComponent("\(name).xml")
            try "<Response>\(xml)</Response>\n".write(to: file, atomically: true, encoding: .utf8)
            files.append(file.path)
        }
        let fragment = folder.appendingPathComponent("fragment.xml")
        try "<Say>Hi</Say>\n".write(to: fragment, atomically: true, encoding: .utf8)
        files.append(fragment.path)
        // And one the schema must take: templates where values go.
        let templated = folder.appendingPathComponent("templated.xml")
        try """
        <Response><Say loop="{{ times }}">Hi {{ name }}</Say><Pause length="${wait}"/>
        <Dial timeout="{{ t }}" ringTone="${tone}"><Number>{{ substring Extension 5 }}</Number></Dial>
        <Enter>{{ next }}</Enter></Response>

        """.write(to: templated, atomically: true, encoding: .utf8)
        let rejected = try Self.rejected(files + [templated.path])
        #expect(Set(files).subtracting(rejected).isEmpty, "accepted: \(Set(files).subtracting(rejected).sorted())")
        #expect(!rejected.contains(templated.path))
    }
}
