import FuzzSupport
import Language
import XMLParsing

/// Bytes → XML layer → checker: any bytes give a script or diagnostics,
/// never a crash, and the two agree (a script exactly when no error).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    let result = ScriptChecker.check(bytes: bytes, file: "fuzz.xml")
    invariant((result.script != nil) == !result.diagnostics.hasErrors,
              "a script came back with errors, or no script without any")
    for diagnostic in result.diagnostics {
        invariant(diagnostic.file == "fuzz.xml", "diagnostic names another file: \(diagnostic.file)")
        if let position = diagnostic.position {
            invariant(position.line >= 1, "diagnostic at line \(position.line): \(diagnostic.message)")
        }
    }
    return 0
}
