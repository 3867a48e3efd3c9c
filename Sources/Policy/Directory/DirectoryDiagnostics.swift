import Diagnostics
import YAMLFields

/// Every diagnostic code that loading a directory can emit.
public enum DirectoryDiagnostics {
    public static let entries: [CatalogEntry] = [
        .init(code: DirectoryLoader.code(.syntax), severity: .error, meaning: "the directory is not valid YAML"),
        .init(code: DirectoryLoader.code(.tooLarge), severity: .error, meaning: "the directory file is over the size limit"),
        .init(
            code: DirectoryLoader.code(.structure), severity: .error,
            meaning: "a field of the wrong kind (a list where a mapping belongs), or an unknown key"),
        .init(
            code: DirectoryLoader.code(.missingField), severity: .error,
            meaning: "a required field (a name, a username, a profile) is absent"),
        .init(
            code: DirectoryLoader.code(.invalidName), severity: .error,
            meaning: "a profile, customer or barge group name that is not ^[a-z_0-9]+$"),
        .init(
            code: DirectoryLoader.code(.invalidValue), severity: .error,
            meaning: "a value out of range or malformed (capacity, numbers)"),
        .init(
            code: DirectoryLoader.code(.duplicate), severity: .error,
            meaning: "a key given twice, or a username, profile or customer defined twice"),
        .init(
            code: DirectoryLoader.code(.unknownReference), severity: .error,
            meaning: "a user or default_profile naming a profile or customer that does not exist"),
        .init(
            code: DirectoryLoader.code(.unknownFlag), severity: .error,
            meaning: "a flag that does not exist (with a did-you-mean hint)"),
        .init(code: DirectoryLoader.code(.invalidPattern), severity: .error, meaning: "a malformed dial pattern"),
        .init(code: DirectoryLoader.code(.duplicateFlag), severity: .warning, meaning: "a flag listed twice in one profile"),
        .init(
            code: DirectoryLoader.code(.tooManyProblems), severity: .error,
            meaning: "reporting stopped after the limit of problems per file"),
    ]
}
