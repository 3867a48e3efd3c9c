import Foundation

/// A regression test of a call flow: a script, a scenario, and the trace
/// the call is expected to produce. Layout (docs/testing.md):
///
///     NAME.xml                  the script
///     NAME.scenario.yaml        a scenario   → NAME.trace
///     NAME.CASE.scenario.yaml   more of them → NAME.CASE.trace
struct Sample: Sendable, Hashable {
    /// `folder/NAME` or `folder/NAME.CASE`: what the user sees and filters on.
    let name: String
    let script: String
    let scenario: String
    let expectedTrace: String
}

enum SampleDiscovery {
    /// Every sample under `paths` (folders searched recursively; a scenario
    /// file names one sample), sorted by name. Scenarios without a script
    /// are reported, not dropped silently.
    static func find(_ paths: [String]) -> (samples: [Sample], orphans: [String]) {
        var samples: Set<Sample> = []
        var orphans: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isFolder) else {
                orphans.append(path)
                continue
            }
            let scenarios: [String]
            if isFolder.boolValue {
                let found = (manager.enumerator(atPath: path)?.allObjects as? [String]) ?? []
                scenarios = found.filter { $0.hasSuffix(".scenario.yaml") }.map { join(path, $0) }
            } else if path.hasSuffix(".scenario.yaml") {
                scenarios = [path]
            } else if path.hasSuffix(".xml") {
                // A script: all of its scenarios.
                let folder = (path as NSString).deletingLastPathComponent
                let base = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
                let inFolder = (try? manager.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
                scenarios = inFolder.filter {
                    $0 == base + ".scenario.yaml" || ($0.hasPrefix(base + ".") && $0.hasSuffix(".scenario.yaml"))
                }
                .map { join(folder, $0) }
            } else {
                scenarios = []
            }
            for scenario in scenarios {
                if let sample = sample(for: scenario) { samples.insert(sample) } else { orphans.append(scenario) }
            }
        }
        return (samples.sorted { $0.name < $1.name }, orphans)
    }

    /// `NAME.scenario.yaml` → `NAME.xml`; `NAME.CASE.scenario.yaml` →
    /// `NAME.CASE.xml` when it exists, else `NAME.xml`.
    static func sample(for scenario: String) -> Sample? {
        let stem = String(scenario.dropLast(".scenario.yaml".count))
        let manager = FileManager.default
        var script = stem + ".xml"
        if !manager.fileExists(atPath: script) {
            let caseless = (stem as NSString).deletingPathExtension
            guard caseless != stem else { return nil }
            script = caseless + ".xml"
            guard manager.fileExists(atPath: script) else { return nil }
        }
        var name = stem
        if name.hasPrefix("./") { name.removeFirst(2) }
        return Sample(name: name, script: script, scenario: scenario, expectedTrace: stem + ".trace")
    }

    private static func join(_ folder: String, _ file: String) -> String {
        folder == "." || folder.isEmpty ? file : (folder as NSString).appendingPathComponent(file)
    }
}
