import Diagnostics

/// Every diagnostic code that loading a directory can emit.
public enum DirectoryDiagnostics {
    public static let entries: [CatalogEntry] = [
        .init(code: "directory-syntax", severity: .error, meaning: "the directory is not valid YAML"),
        .init(code: "directory-too-large", severity: .error, meaning: "the directory file is over the size limit"),
        .init(
            code: "directory-structure", severity: .error,
            meaning: "a field of the wrong kind (a list where a mapping belongs), or an unknown key"),
        .init(
            code: "directory-missing-field", severity: .error,
            meaning: "a required field (a name, a username, a profile) is absent"),
        .init(
            code: "directory-invalid-name", severity: .error,
            meaning: "a profile, customer or barge group name that is not ^[a-z_0-9]+$"),
        .init(
            code: "directory-invalid-value", severity: .error, meaning: "a value out of range or malformed (capacity, numbers)"),
        .init(
            code: "directory-duplicate", severity: .error,
            meaning: "a key given twice, or a username, profile or customer defined twice"),
        .init(
            code: "directory-unknown-reference", severity: .error,
            meaning: "a user or default_profile naming a profile or customer that does not exist"),
        .init(code: "directory-unknown-flag", severity: .error, meaning: "a flag that does not exist (with a did-you-mean hint)"),
        .init(code: "directory-invalid-pattern", severity: .error, meaning: "a malformed dial pattern"),
        .init(code: "directory-duplicate-flag", severity: .warning, meaning: "a flag listed twice in one profile"),
        .init(
            code: "directory-too-many-problems", severity: .error,
            meaning: "reporting stopped after the limit of problems per file"),
    ]
}
