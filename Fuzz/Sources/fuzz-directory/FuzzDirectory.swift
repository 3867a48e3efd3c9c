import FuzzSupport
import Policy

/// The directory loader (YAML text), then the decisions every call asks of
/// whatever directory it loaded: any text gives a directory or diagnostics,
/// and a loaded directory answers every question without a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDirectory(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let result = DirectoryLoader.load(bytes: fuzzBytes(data, size), file: "fuzz.yaml")
    invariant((result.directory != nil) == !result.diagnostics.hasErrors,
              "a directory came back with errors, or none without any")
    guard let directory = result.directory else { return 0 }
    let policy = Policy(directory: directory)
    let numbers = directory.emergencyNumbers + directory.users.prefix(4).flatMap { [$0.username, $0.extensionNumber].compactMap { $0 } }
        + ["1001", "+441234567890", "00441234567890", "112", "*98#", ""]
    // A few users and one outside caller: the rules are per profile.
    let identities = directory.users.prefix(6).map(\.username) + ["+15550100"]
    for identity in identities {
        guard case .success(let caller) = Caller.resolve(identity, in: directory) else { continue }
        for number in numbers {
            _ = policy.mayDial(number, caller: caller)
            _ = policy.mayTransfer(to: number, caller: caller)
            _ = policy.mayDialClient(number, caller: caller)
            _ = policy.mayUseVoicemail(of: number, caller: caller)
        }
        for flag in Flag.allCases { _ = policy.mayUse(flag, caller: caller) }
        let registry = CapacityRegistry(directory: directory)
        let admitted = registry.admit(caller)
        invariant(admitted.isAllowed == (directory.profile(named: caller.profileName).map { $0.capacity > 0 } ?? false),
                  "the first admission on profile \(caller.profileName) was decided wrongly: \(admitted)")
        registry.release(caller)
        invariant(registry.activeUsers(of: caller.profileName) == 0, "a release left \(caller.identity) active")
    }
    return 0
}
