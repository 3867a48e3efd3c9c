import Foundation

/// A JUnit XML report, the format CI systems read.
enum JUnitReport {
    static func xml(_ results: [SampleRunner.Result]) -> String {
        let failures = results.filter { !$0.passed }.count
        let total = results.reduce(0) { $0 + $1.seconds }
        var out = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        out += #"<testsuites name="connexml" tests="\#(results.count)" failures="\#(failures)" time="\#(format(total))">"# + "\n"
        out +=
            #"  <testsuite name="connexml samples" tests="\#(results.count)" failures="\#(failures)" errors="0" skipped="0" time="\#(format(total))">"#
            + "\n"
        for result in results {
            let folder = (result.sample.name as NSString).deletingLastPathComponent
            let name = (result.sample.name as NSString).lastPathComponent
            let classname = folder.replacingOccurrences(of: "/", with: ".")
            out += #"    <testcase classname="\#(escape(classname))" name="\#(escape(name))" time="\#(format(result.seconds))""#
            switch result.outcome {
            case .passed:
                out += "/>\n"
            case .differs(let diff):
                out +=
                    ">\n      <failure message=\"the trace differs from \(escape(result.sample.expectedTrace))\">\(escape(diff))</failure>\n    </testcase>\n"
            case .missingTrace:
                out +=
                    ">\n      <failure message=\"no expected trace \(escape(result.sample.expectedTrace))\"/>\n    </testcase>\n"
            case .invalid(let diagnostics):
                let text = diagnostics.map { "\($0.file):\($0.position.map(\.description) ?? "-"): \($0.message) [\($0.code)]" }
                    .joined(separator: "\n")
                out += ">\n      <failure message=\"the sample is invalid\">\(escape(text))</failure>\n    </testcase>\n"
            case .crashed(let crash):
                let text =
                    "script \(result.sample.script), scenario \(result.sample.scenario)"
                    + (crash.output.isEmpty ? "" : "\n" + crash.output)
                out +=
                    ">\n      <failure message=\"\(escape(crash.summary))\" type=\"crash\">\(escape(text))</failure>\n    </testcase>\n"
            }
        }
        out += "  </testsuite>\n</testsuites>\n"
        return out
    }

    private static func format(_ seconds: Double) -> String { String(format: "%.3f", seconds) }

    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n", "\t", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20: out += "?"  // not allowed in XML 1.0
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
