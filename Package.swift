// swift-tools-version:6.0
// The layers of connexml, bottom to top ("Layout" in docs/development.md):
//   CLibXML2 → CXMLShim → XMLParsing → Language ─┬───────────────────→ FlowGraph ─┐
//   Diagnostics → YAMLFields → Policy ───────────┴→ Engine → Fetching ────────────┴→ connexml
//   CCurl (libcurl, dlopen) ────────────────────────────────────┘                 │
//   CLineEdit (libedit, dlopen) ──────────────────────────────────────────────────┘
// Each target imports only the ones below it (Diagnostics: all of them;
// Policy: FlowGraph and Fetching too).
//
// Platforms: Linux, where it is built and tested (CI: Debian 12, x86_64,
// Swift 6.3). macOS is not supported: the code has Darwin branches that no
// one has compiled, and `Mutex` (Synchronization) would need macOS 15. No
// `platforms:` minimum is declared until a macOS job builds and tests it.
import PackageDescription
#if canImport(Glibc)
import Glibc
#endif

let package = Package(
    name: "connexml",
    products: [
        .executable(name: "connexml", targets: ["connexml"]),
        // The libraries: what the fuzz targets (Fuzz/Package.swift) build on.
        .library(name: "ConneXMLLanguage", targets: ["Language"]),
        .library(name: "ConneXMLXMLParsing", targets: ["XMLParsing"]),
        .library(name: "ConneXMLPolicy", targets: ["Policy"]),
        .library(name: "ConneXMLEngine", targets: ["Engine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // Tests only: property-based tests of policy invariants.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // libxml2 as the system provides it: link flags and include path only.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // The only code that includes libxml2 headers. Its public header is
        // opaque, so no libxml2 (or ICU) declaration reaches Swift.
        .target(name: "CXMLShim", dependencies: ["CLibXML2"]),
        // libedit for the REPL, loaded at run time (dlopen): no -dev package.
        .target(name: "CLineEdit", linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
        // libcurl for HTTP, loaded at the first fetch (dlopen): nothing
        // network-related loads at start-up, and no -dev package is needed.
        .target(name: "CCurl", linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
        // Source positions and diagnostics shared by every layer.
        .target(name: "Diagnostics"),
        // Bytes in, an immutable element tree with positions out.
        .target(name: "XMLParsing", dependencies: ["CXMLShim", "Diagnostics"]),
        // The typed ConneXML model, templates, and the validator.
        .target(name: "Language", dependencies: ["XMLParsing", "Diagnostics"]),
        // Typed fields of YAML configuration files, with positions.
        .target(name: "YAMLFields", dependencies: ["Diagnostics", .product(name: "Yams", package: "Yams")]),
        // Who may do what: the directory (SIP profiles, users, flags, dial
        // rules, barge groups), its decisions, and capacity admission.
        .target(name: "Policy", dependencies: ["Diagnostics", "YAMLFields", .product(name: "Yams", package: "Yams")]),
        // Running calls: scenarios, the virtual clock, each verb's meaning,
        // policy before acting, trace events.
        .target(name: "Engine", dependencies: ["Language", "Policy", "Diagnostics", "XMLParsing", "YAMLFields",
                                               .product(name: "Yams", package: "Yams")]),
        // Where hand-overs find documents (scenario mappings, local files,
        // HTTP with limits), and status callbacks over HTTP.
        .target(name: "Fetching", dependencies: ["Engine", "Language", "Policy", "XMLParsing", "CCurl"]),
        // The call flow of checked scripts as a graph, drawn as DOT or Mermaid (`connexml graph`).
        .target(name: "FlowGraph", dependencies: ["Language", "Policy", "Diagnostics"]),
        // The command-line tool: argument parsing, files, rendering.
        .executableTarget(
            name: "connexml",
            dependencies: [
                "Language", "XMLParsing", "Diagnostics", "Policy", "Engine", "Fetching", "CLineEdit", "FlowGraph",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
            ],
            // The Swift runtime and Foundation linked in (compiled with it
            // too, so Foundation's own libraries are linked with it): no
            // dynamic linking of some twenty libraries at every start
            // (docs/performance.md, "Start-up": `--version` 9 ms of CPU → 4).
            // Release only, so the debug test runner keeps one runtime.
            swiftSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))],
            linkerSettings: [
                .unsafeFlags(["-static-stdlib"] + releaseLinkLayout, .when(platforms: [.linux], configuration: .release))
            ]
        ),
        // scripts/bench-run.sh: many calls, events only counted.
        .executableTarget(name: "CallBenchmark", dependencies: ["Engine", "Policy", "Fetching"]),
        .testTarget(name: "XMLParsingTests", dependencies: ["XMLParsing", "TestSupport"]),
        .testTarget(name: "LanguageTests", dependencies: ["Language", "XMLParsing", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "PolicyTests", dependencies: ["Policy", "TestSupport"]),
        .testTarget(name: "FlowGraphTests", dependencies: ["FlowGraph", "Language", "Policy", "XMLParsing"]),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "Language", "Policy", "Fetching", "TestSupport"]),
        // What several test targets share: scripts/http-server.py on a loopback
        // port, a seeded random generator.
        .target(name: "TestSupport", path: "Tests/Support"),
        .testTarget(name: "FetchingTests", dependencies: ["Fetching", "Engine", "Language", "Policy", "TestSupport"]),
        // Properties that must hold for every directory and world, not just
        // the examples: barging never crosses customers, `explain` and `run`
        // always agree.
        .testTarget(name: "InvariantTests", dependencies: ["connexml", "Engine", "Policy", "Language",
                                                          .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "CommandLineTests", dependencies: ["connexml", "XMLParsing", "TestSupport"], exclude: ["pty-session.py"]),
    ]
)

/// How the release `connexml` is laid out by the linker (docs/performance.md,
/// "Linking"): lld, with the functions that everyday commands run side by
/// side (BuildSupport/hot-functions.order, written by
/// scripts/generate-link-order.sh), so a command touches a few hundred
/// pages of code rather than pages all over 17 MB; no dynamic symbols;
/// and, where the C library's loader reads them (glibc 2.36 and later),
/// relative relocations packed (DT_RELR): 16 KB for the loader to read at
/// every start instead of 1.9 MB.
var releaseLinkLayout: [String] {
    var flags = [
        // lld, the toolchain's own: gold (SwiftPM's default here) packs no
        // relocations, and lays out sections, not symbols.
        "-use-ld=lld",
        "-Xlinker", "--symbol-ordering-file=\(Context.packageDirectory)/BuildSupport/hot-functions.order",
        // A name the code no longer has is skipped: the list may lag the code.
        "-Xlinker", "--no-warn-symbol-ordering",
        // SwiftPM exports every symbol of an executable, for whoever would
        // look them up in it; nothing does (libcurl and libedit are looked
        // up in their own libraries, and crash backtraces read the file's
        // symbol table). Exported, the 5,000 symbols' tables are read at
        // every start: 1.2 MB of a one-line check's 12.5.
        "-Xlinker", "--no-export-dynamic",
    ]
    if loaderReadsPackedRelocations { flags += ["-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"] }
    return flags
}

/// Whether this machine's glibc loader reads DT_RELR (2.36 and later). An
/// older one would refuse the executable, so it gets the plain relocations.
/// This reads the machine that builds: a binary built to run on an older
/// glibc elsewhere is built with CONNEXML_NO_PACKED_RELOCATIONS=1.
var loaderReadsPackedRelocations: Bool {
    guard Context.environment["CONNEXML_NO_PACKED_RELOCATIONS"] == nil else { return false }
    #if canImport(Glibc)
    // "glibc 2.36"
    var text = [CChar](repeating: 0, count: 64)
    guard confstr(Int32(_CS_GNU_LIBC_VERSION), &text, text.count) > 0 else { return false }
    let description = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    let version = description.split(separator: " ").last?.split(separator: ".").compactMap { Int($0) } ?? []
    return version.count >= 2 && (version[0], version[1]) >= (2, 36)
    #else
    return false
    #endif
}
