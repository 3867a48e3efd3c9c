// swift-tools-version:6.0
// libFuzzer targets for connexml (scripts/fuzz.sh builds and runs them).
// A package of its own, so the main `swift build` never sees the fuzzer
// flags: each target here is an executable whose entry is
// LLVMFuzzerTestOneInput, and libFuzzer's runtime supplies `main`.
//
//   swift build -c release --package-path Fuzz --scratch-path .build-fuzz \
//       --sanitize fuzzer --sanitize address
import PackageDescription

let connexml: [Target.Dependency] = [
    .product(name: "ConneXMLLanguage", package: "connexml"),
    .product(name: "ConneXMLXMLParsing", package: "connexml"),
    .product(name: "ConneXMLPolicy", package: "connexml"),
    .product(name: "ConneXMLEngine", package: "connexml"),
]

/// No `main` of our own: the fuzzer's runtime has it.
let noMain: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

func fuzzTarget(_ name: String) -> Target {
    .executableTarget(name: name, dependencies: ["FuzzSupport"] + connexml, swiftSettings: noMain)
}

let package = Package(
    name: "connexml-fuzz",
    dependencies: [.package(name: "connexml", path: "..")],
    targets: [
        // Reading fuzz bytes as decisions, the bundled directory, invariants.
        .target(name: "FuzzSupport", dependencies: connexml),
        fuzzTarget("fuzz-xml"),
        fuzzTarget("fuzz-template"),
        fuzzTarget("fuzz-dial"),
        fuzzTarget("fuzz-directory"),
        fuzzTarget("fuzz-scenario"),
        fuzzTarget("fuzz-time"),
        fuzzTarget("fuzz-engine"),
    ]
)
